import type { XmlClient } from '../transport/client';

/** What every operation needs: the XML client and who the connector is. */
export interface ConnectorContext {
  client: XmlClient;
  siteName: string;
  /** webExID of the admin account the connector signs in with. */
  adminWebExId: string;
  /** Check lengths, ranges and formats before sending (default true). */
  strict: boolean;
}
