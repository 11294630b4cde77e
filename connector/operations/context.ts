import type { XmlClient } from '../transport/client';

/** What every operation needs: the XML client and who the connector is. */
export interface ConnectorContext {
  client: XmlClient;
  siteName: string;
  /** webExID of the admin account the connector signs in with. */
  adminWebExId: string;
  /** Check lengths, ranges and formats before sending (default true). */
  strict: boolean;
  /**
   * A Control Hub managed site (XML API 41.11.0): users are addressed by their email, the webExId is stored as the
   * email, passwords are ignored, and a new user stays inactive until they verify.
   */
  controlHub: boolean;
  /** The connector's clock (modification-time imports count windows back from now). */
  now: () => number;
}
