/**
 * MOSIP `errors[].errorCode` values that the client treats specially, each checked against MOSIP's
 * LTS 1.2 source (repository, file, constant named per entry). The MOSIP simulator keeps its own
 * copy (test/sims/mosip/mosipCodes.ts) so that a wrong code here fails a test.
 */
export const MOSIP_ERROR = {
  /** auth adapter: cookie missing, expired or invalid — mosip/mosip-openid-bridge release-1.2.0.x, AuthAdapterErrorCode.UNAUTHORIZED */
  AUTH_FAILED: 'KER-ATH-401',
  /**
   * syncdata: no machine with this keyIndex / signKeyIndex — mosip/admin-services release-1.2.0.1,
   * MasterDataErrorCode.MACHINE_NOT_FOUND (SyncAuthTokenServiceImpl.validateRequestData,
   * SyncMasterDataServiceHelper.getRegistrationCenterMachine, SyncConfigDetailsServiceImpl.getConfigDetails).
   */
  MACHINE_NOT_FOUND: 'KER-SNC-155',
  /**
   * syncdata useridpwd: "Invalid Request" — SyncAuthErrorCode.INVALID_REQUEST. SyncAuthTokenServiceImpl.getAuthToken
   * answers it for a bad signature, for a request timestamp outside the window and for refused
   * credentials alike (its catch (Exception) swallows the more specific errors), so the code alone
   * cannot tell them apart; the client tells clock skew apart by the server's `responsetime`.
   */
  SYNC_AUTH_INVALID_REQUEST: 'KER-SYN-AUTH-001',
  /**
   * syncdata tpm/publickey/verify: the machine found by name has no key or another key —
   * MasterDataErrorCode.MACHINE_PUBLIC_KEY_NOT_WHITELISTED (SyncMasterDataServiceImpl.validateKeyMachineMapping)
   */
  PUBLIC_KEY_NOT_WHITELISTED: 'KER-SNC-164',
  /** syncdata: the machine was mapped to another centre — MasterDataErrorCode.REG_CENTER_UPDATED */
  REG_CENTER_UPDATED: 'KER-SNC-149',
  /** packet receiver: already received — mosip/registration release-1.2.0.x, PlatformErrorMessages.RPR_PKR_DUPLICATE_PACKET_RECIEVED */
  DUPLICATE_PACKET: 'RPR-PKR-005',
  /** packet receiver: no sync record for this packet — PlatformErrorMessages.RPR_PKR_PACKET_NOT_YET_SYNC */
  PACKET_NOT_SYNCED: 'RPR-PKR-001',
  /** packet receiver: bytes' hash differs from the synced hash — PlatformErrorMessages.RPR_PKR_PACKET_HASH_NOT_EQUALS_SYNCED_HASH */
  PACKET_HASH_MISMATCH: 'RPR-PKR-009',
  /** packet receiver: size differs from the synced size — PlatformErrorMessages.RPR_PKR_INVALID_PACKET_SIZE_SYNCED */
  PACKET_SIZE_MISMATCH: 'RPR-PKR-013',
  /**
   * registration status syncV2: the body cannot be decrypted — PlatformErrorMessages.RPR_RGS_DECRYPTION_FAILED
   * (SyncRegistrationServiceImpl.decryptAndGetSyncRequest). The `timestamp` header is only checked by
   * keymanager inside Decryptor.decrypt, so a refused timestamp arrives as this code too.
   */
  SYNC_DECRYPT_FAILED: 'RPR-RGS-028',
} as const;

/**
 * Codes MOSIP also answers when the request time was refused; with one of these, a server clock far
 * from ours means the refusal was (most likely) clock skew.
 */
export const MOSIP_TIME_SENSITIVE_CODES: readonly string[] = [MOSIP_ERROR.SYNC_AUTH_INVALID_REQUEST, MOSIP_ERROR.SYNC_DECRYPT_FAILED];

/**
 * How far the client clock may be from the server's before such a refusal counts as clock skew:
 * syncdata's default window, `mosip.kernel.syncdata.auth.reqtime.minlimit` = 5 / `maxlimit` = -5
 * minutes (SyncAuthTokenServiceImpl.validateRequestTimestamp).
 */
export const MOSIP_CLOCK_TOLERANCE_MS = 5 * 60_000;
