import { useRegistration } from '../store/hooks';
import { draftSelectors } from '../store/slices/draft/selectors';
import '../../../styles/registration.css';
import { AcknowledgementScreen } from './Acknowledgement/AcknowledgementScreen';
import { FormScreen } from './FormScreen/FormScreen';
import { PreviewScreen } from './Preview/PreviewScreen';
import { ProcessPicker } from './ProcessPicker/ProcessPicker';

/** The registration feature's views; which one shows is store state (the app has no router). */
export function RegistrationScreen() {
  const view = useRegistration(draftSelectors.view);
  switch (view) {
    case 'closed':
      return null;
    case 'picker':
      return <ProcessPicker />;
    case 'form':
      return <FormScreen />;
    case 'preview':
      return <PreviewScreen />;
    case 'acknowledgement':
      return <AcknowledgementScreen />;
    default: {
      const never: never = view;
      throw new Error(`RegistrationScreen: unknown view ${String(never)}`);
    }
  }
}
