/**
 * The XML API version the emulator follows, as GetAPIVersion (ep service) reports it. A per-site setting
 * (`SiteConfig.apiVersion`), defaulting to this.
 *
 * Sources (FINDINGS-2026-12 §4, §2 GetAPIVersion):
 *  - the documented GetAPIVersion response (developer.cisco.com/docs/webex-xml-api-reference-guide/
 *    xml-request-and-response-documents): `apiVersion` "WebEx XML API V11.0.0", `release` "SP26", `apiVer` "39.7.0";
 *  - the newest release notes found are API 42.11.1 (help.webex.com/article/trlbvp, "XML API 42.11.1 Updates");
 *    the user-service behaviour the emulator implements goes up to 42.6.0 (suspended sites).
 * No 42.x GetAPIVersion answer was found: `apiVer` is the followed release, `apiVersion` and `release` keep the
 * documented example's values (an inference, noted in docs/real-api.md).
 */
export interface ApiVersionInfo {
  /** ep:apiVersion, e.g. "WebEx XML API V11.0.0". */
  apiVersion: string;
  /** ep:release, e.g. "SP26". */
  release: string;
  /** ep:apiVer, the numbered release ("42.11.1"). */
  apiVer: string;
}

export const FOLLOWED_API: Readonly<ApiVersionInfo> = { apiVersion: 'WebEx XML API V11.0.0', release: 'SP26', apiVer: '42.11.1' };

/** The 2016 train the Control Hub UI captures show (GetAPIVersion trainReleaseVersion, GetSite pageVersion). */
export const TRAIN_RELEASE = 'T31L';
