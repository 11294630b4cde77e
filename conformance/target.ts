/**
 * Where cases run: the in-process emulator or a remote webex-mock (full control, a fresh site per case), or a
 * real Webex site (safe mode: no site control, only the run's own users).
 */
import type { AdapterConfig } from './adapter';
import type { FeatureKey } from '../mock-server/catalog';
import type { CapturedExchange } from './emulator/capture';
import type { CaseDef, SiteControl, UserStore } from './cases/types';

/** Everything one case gets from its target. */
export interface CaseEnvironment {
  adapterConfig: AdapterConfig;
  users: UserStore;
  control?: SiteControl;
  exchanges(): CapturedExchange[];
  emailDomain: string;
  /** Prefix of every user the case creates. */
  userPrefix: string;
  featureOn(key: FeatureKey): Promise<boolean>;
  /**
   * Called when the case's body is done, before its exchanges are checked: a remote webex-mock's journal says
   * which request elements it ignored (the in-process capture knows it already).
   */
  settle?(): Promise<void>;
  /** Remember a user the case may have created (remote runs clean these up at the end). */
  track(webExId: string): void;
  release(): Promise<void>;
}

export interface Target {
  name: string;
  remote: boolean;
  /** The suite controls a fresh site per case (settings, faults, licence usage); false in safe mode. */
  controlled: boolean;
  open(def: CaseDef): Promise<CaseEnvironment>;
  close(): Promise<void>;
}

/** Why a case cannot run without control of the site, or undefined. */
export function controlNeeded(def: CaseDef): string | undefined {
  if (def.needsControl) return def.needsControl;
  const s = def.site ?? {};
  const reasons = [
    s.featuresOff?.length ? `switches ${s.featuresOff.join(', ')} off` : '',
    s.sparkMeet ? 'needs a Spark Meet site' : '',
    s.controlHubManaged ? 'needs a Control Hub managed site' : '',
    s.suspended ? 'needs a suspended site' : '',
    s.sessionTypeLimit !== undefined ? 'sets a session-type licence limit' : '',
    s.hostLimit !== undefined ? 'sets a host limit' : '',
  ].filter(Boolean);
  return reasons.length ? reasons.join('; ') : undefined;
}
