/** The approval feature's public surface: route view `approval` to ApprovalView. */
export { ApprovalView } from './components/ApprovalView';
export { createApprovalStore, type ApprovalStore } from './store/store';
