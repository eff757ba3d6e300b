/**
 * The `errors[].errorCode` values the simulator answers with, each copied from MOSIP's source (LTS 1.2
 * branches named per group) — never from the client's `schemas/`, so a wrong code in the client fails
 * a test instead of being echoed back. README.md § Conformance lists the file and constant of each.
 */

/** mosip/admin-services release-1.2.0.1, admin/kernel-syncdata-service …/syncdata/constant/ */
export const SYNCDATA = {
  /** MasterDataErrorCode.MACHINE_NOT_FOUND ("Machine not found") */
  MACHINE_NOT_FOUND: 'KER-SNC-155',
  /** MasterDataErrorCode.MACHINE_PUBLIC_KEY_NOT_WHITELISTED ("Public key not whitelisted") */
  PUBLIC_KEY_NOT_WHITELISTED: 'KER-SNC-164',
  /** MasterDataErrorCode.CLIENT_SETTINGS_DATA_FILE_NOT_FOUND ("Entity file not found") */
  CLIENT_SETTINGS_DATA_FILE_NOT_FOUND: 'KER-SNC-170',
  /**
   * SyncAuthErrorCode.INVALID_REQUEST ("Invalid Request"). SyncAuthTokenServiceImpl.getAuthToken
   * answers it for a bad signature, a missing `kid`, and — because its catch (Exception) swallows them —
   * for a timestamp outside the window and for refused credentials too.
   */
  AUTH_INVALID_REQUEST: 'KER-SYN-AUTH-001',
} as const;

/** mosip/keymanager release-1.2.0.x, KeymanagerErrorConstant.APPLICATIONID_NOT_VALID */
export const KEYMANAGER = {
  APPLICATION_ID_NOT_VALID: 'KER-KMS-002',
} as const;

/** mosip/mosip-openid-bridge release-1.2.0.x, kernel-auth-adapter AuthAdapterErrorCode.UNAUTHORIZED */
export const AUTH_ADAPTER = {
  UNAUTHORIZED: 'KER-ATH-401',
} as const;

/**
 * mosip/mosip-openid-bridge release-1.2.0.x, kernel-auth-service: AuthServiceImpl.authenticateWithSecretKey
 * lets Keycloak's 401 escape as HttpClientErrorException; AuthManagerExceptionHandler.defaultErrorHandler
 * turns it into HTTP 500 with errorCode "500".
 */
export const AUTHMANAGER = {
  UNHANDLED: '500',
} as const;

/** mosip/registration release-1.2.0.x, registration-processor-core PlatformErrorMessages (RPR_PKR_*) */
export const PACKET_RECEIVER = {
  /** RPR_PKR_PACKET_NOT_YET_SYNC (PacketNotSyncException) */
  NOT_YET_SYNCED: 'RPR-PKR-001',
  /** RPR_PKR_INVALID_PACKET_SIZE (FileSizeExceedException) */
  INVALID_PACKET_SIZE: 'RPR-PKR-002',
  /** RPR_PKR_INVALID_PACKET_FORMAT (PacketNotValidException: not a .zip) */
  INVALID_PACKET_FORMAT: 'RPR-PKR-003',
  /** RPR_PKR_DUPLICATE_PACKET_RECIEVED (DuplicateUploadRequestException) */
  DUPLICATE_PACKET: 'RPR-PKR-005',
  /** RPR_PKR_PACKET_NOT_AVAILABLE (PacketNotAvailableException: no file part) */
  PACKET_NOT_AVAILABLE: 'RPR-PKR-006',
  /** RPR_PKR_PACKET_HASH_NOT_EQUALS_SYNCED_HASH (UnequalHashSequenceException) */
  HASH_MISMATCH: 'RPR-PKR-009',
  /** RPR_PKR_INVALID_PACKET_SIZE_SYNCED (PacketSizeNotInSyncException) */
  SIZE_MISMATCH: 'RPR-PKR-013',
} as const;

/** mosip/registration release-1.2.0.x, registration-processor-core PlatformErrorMessages (RPR_RGS_*) */
export const REGISTRATION_STATUS = {
  /** RPR_RGS_INVALID_SYNCTYPE (SyncRegistrationServiceImpl.validateRegistrationType) */
  INVALID_SYNC_TYPE: 'RPR-RGS-003',
  /** RPR_RGS_INVALID_LANGUAGECODE (validateLanguageCode) */
  INVALID_LANGUAGE_CODE: 'RPR-RGS-004',
  /** RPR_RGS_EMPTY_REGISTRATIONID (validateRegistrationID) */
  EMPTY_REGISTRATION_ID: 'RPR-RGS-006',
  /** RPR_RGS_MISSING_INPUT_PARAMETER (RegistrationSyncRequestValidator; SyncRegistrationServiceImpl) */
  MISSING_INPUT_PARAMETER: 'RPR-RGS-013',
  /** RPR_RGS_INVALID_INPUT_PARAMETER (RegistrationSyncRequestValidator.validateId) */
  INVALID_INPUT_PARAMETER: 'RPR-RGS-014',
  /** RPR_RGS_RID_NOT_FOUND (RegistrationStatusController: search for an unknown RID) */
  RID_NOT_FOUND: 'RPR-RGS-031',
  /** RPR_RGS_PACKETID_NOT_FOUND (PacketExternalStatusController: unknown packet id) */
  PACKET_ID_NOT_FOUND: 'RPR-RGS-037',
  /** RPR_RGS_INVALID_SUPERVISOR_STATUS (validateSupervisorStatus) */
  INVALID_SUPERVISOR_STATUS: 'RPR-RGS-026',
  /** RPR_RGS_INVALID_HASHVALUE (validateHashValue) */
  INVALID_HASH_VALUE: 'RPR-RGS-027',
  /**
   * RPR_RGS_DECRYPTION_FAILED (SyncRegistrationServiceImpl.decryptAndGetSyncRequest). The request
   * `timestamp` only reaches keymanager's decrypt through Decryptor.decrypt, so a timestamp it refuses
   * comes back as this code too.
   */
  DECRYPTION_FAILED: 'RPR-RGS-028',
} as const;

/** mosip/packet-manager release-1.2.0.x, commons-packet-manager …/packet/constants/ErrorCode */
/**
 * packet-manager release-1.2.0.x, commons-packet-manager PacketUtilityErrorCodes. (ErrorCode.AUDITS_REQUIRED
 * `KER-KPM-008` never reaches the wire: PacketWriter.createPacket catches it and answers a null response.)
 */
export const PACKET_UTILITY = {
  /** NO_AVAILABLE_PROVIDER: no `provider.packetwriter.*` for the source + process (PacketWriter.getProvider) */
  NO_AVAILABLE_PROVIDER: 'KER-PUT-006',
} as const;

/**
 * registration release-1.2.0.x-Crvs-Integration (not on plain release-1.2.0.x), registration-processor-core
 * PlatformErrorMessages: RPR_WIN_* (PlatformConstants.RPR_WORKFLOW_INSTANCE_API = "RPR-WIN-") and RPR_WIS_*.
 */
export const WORKFLOW_INSTANCE = {
  /** RPR_WIN_MISSING_INPUT_PARAMETER "Missing Request Value - %s" (id, version, requesttime) */
  MISSING_INPUT: 'RPR-WIN-000',
  /** RPR_WIN_INVALID_INPUT_PARAMETER "Invalid Request Value - %s" */
  INVALID_INPUT: 'RPR-WIN-001',
  /** RPR_WIN_UNKNOWN_EXCEPTION: any other failure in WorkflowInstanceApi.processURL (a body that is not JSON) */
  UNKNOWN_EXCEPTION: 'RPR-WIN-002',
  /** RPR_WIS_ALREADY_PRESENT_EXCEPTION "WorkflowInstance already present" (WorkflowInstanceService.validateWorkflowInstanceAlreadyAvailable) */
  ALREADY_PRESENT: 'RPR-WIS-001',
} as const;

/** mosip/pre-registration release-1.2.0.x */
export const PRE_REGISTRATION = {
  /** datasync ErrorCodes.PRG_DATA_SYNC_001 (DataSyncServiceUtil: no record for the date range) */
  NO_RECORDS: 'PRG_DATA_SYNC_001',
  /** datasync ErrorCodes.PRG_DATA_SYNC_005 (DataSyncServiceUtil: zip file creation failed) */
  ZIP_FAILED: 'PRG_DATA_SYNC_005',
  /** datasync ErrorCodes.PRG_DATA_SYNC_009 (DataSyncServiceUtil: invalid registration centre id) */
  INVALID_CENTRE: 'PRG_DATA_SYNC_009',
  /** core ErrorCodes.PRG_CORE_REQ_019 (DataSyncServiceUtil: invalid date format) */
  INVALID_DATE: 'PRG_CORE_REQ_019',
  /** core ErrorCodes.PRG_CORE_REQ_020 (DataSyncServiceUtil: from date after to date) */
  FROM_AFTER_TO: 'PRG_CORE_REQ_020',
  /** application-service DemographicErrorCodes.PRG_PAM_APP_005 (no data for the PRID) */
  NO_DATA_FOR_PRID: 'PRG_PAM_APP_005',
} as const;

/**
 * Codes with no MOSIP source found yet: the simulator's own choice, kept apart so nobody mistakes them
 * for MOSIP's. README.md § Conformance marks them "unverified".
 */
export const UNVERIFIED = {
  /** registrationstatus search / packetexternalstatus with an empty or oversized request list */
  STATUS_REQUEST_LIST: 'RPR-RGS-001',
  /** pre-registration datasync: request body is not JSON */
  PREREG_INVALID_BODY: 'PRG_CORE_REQ_004',
} as const;
