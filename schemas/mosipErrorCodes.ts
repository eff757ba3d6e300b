/**
 * MOSIP `errors[].errorCode` values that the client treats specially. The simulator answers with
 * the same codes. Only `KER-ATH-401` and `RPR-PKR-005` are confirmed from MOSIP sources
 * (auth adapter, PacketReceiverServiceImpl); the syncdata auth codes are the simulator's choice
 * [unverified against SyncAuthErrorCode], so the client also matches them by meaning, not only by code.
 */
export const MOSIP_ERROR = {
  /** auth adapter: cookie missing, expired or invalid */
  AUTH_FAILED: 'KER-ATH-401',
  /**
   * syncdata useridpwd (no machine with this signKeyIndex) and tpm/publickey/verify (no machine
   * with this name): admin-services MasterDataErrorCode.MACHINE_NOT_FOUND, thrown by
   * SyncAuthTokenServiceImpl.validateRequestData and SyncMasterDataServiceImpl.validateKeyMachineMapping
   */
  MACHINE_NOT_FOUND: 'KER-SNC-155',
  /**
   * syncdata tpm/publickey/verify: the machine found by name has no key or another key
   * (admin-services MasterDataErrorCode.MACHINE_PUBLIC_KEY_NOT_WHITELISTED, thrown by
   * SyncMasterDataServiceImpl.validateKeyMachineMapping)
   */
  PUBLIC_KEY_NOT_WHITELISTED: 'KER-SNC-164',
  /** syncdata useridpwd: signature over the payload does not verify */
  INVALID_SIGNATURE: 'KER-SNC-148',
  /** syncdata useridpwd / regproc sync: request timestamp outside the allowed window */
  TIMESTAMP_OUT_OF_WINDOW: 'KER-SNC-147',
  /** syncdata useridpwd: user id / password refused by authmanager (the simulator's former code) */
  INVALID_CREDENTIALS: 'KER-SNC-145',
  /**
   * syncdata useridpwd in MOSIP 1.2.0.1: SyncAuthErrorCode.INVALID_REQUEST, what
   * SyncAuthTokenServiceImpl.getAuthToken answers for a refused password or refresh token (it
   * catches the authmanager error and rethrows this code)
   */
  AUTH_INVALID_REQUEST: 'KER-SYN-AUTH-001',
  /** authmanager clientidsecretkey: bad client id / secret */
  INVALID_CLIENT: 'KER-ATH-403',
  /** packet receiver: the packet was already received */
  DUPLICATE_PACKET: 'RPR-PKR-005',
  /** packet receiver: no sync record for this packet id */
  PACKET_NOT_SYNCED: 'RPR-PKR-003',
  /** packet receiver: bytes' hash differs from the synced hash */
  PACKET_HASH_MISMATCH: 'RPR-PKR-009',
  /** packet receiver: size differs from the synced size */
  PACKET_SIZE_MISMATCH: 'RPR-PKR-011',
  /** registration status: request time outside the grace period */
  SYNC_TIMESTAMP_INVALID: 'RPR-RGS-026',
  /** registration status: the encrypted sync body cannot be decrypted */
  SYNC_DECRYPT_FAILED: 'RPR-RGS-025',
} as const;
