import type { ServiceType } from './features';

/**
 * Session types (meetingType ids) a site can license. Ids as seen on real sites: 214 PRO and 216 ONS appear
 * in the real GetUser capture; the rest follow Webex's common defaults (id, short name, center).
 */
export interface SessionTypeDef {
  id: number;
  shortName: string;
  name: string;
  serviceType: ServiceType;
}

export const KNOWN_SESSION_TYPES: readonly SessionTypeDef[] = [
  { id: 3, shortName: 'FRE', name: 'Free Meeting', serviceType: 'MeetingCenter' },
  { id: 4, shortName: 'STD', name: 'Standard Meeting', serviceType: 'MeetingCenter' },
  { id: 214, shortName: 'PRO', name: 'Pro Meeting', serviceType: 'MeetingCenter' },
  { id: 215, shortName: 'SOP', name: 'Standard Online Presentation', serviceType: 'MeetingCenter' },
  { id: 216, shortName: 'ONS', name: 'Online Event', serviceType: 'EventCenter' },
  { id: 11, shortName: 'TRS', name: 'Training Session', serviceType: 'TrainingCenter' },
  { id: 13, shortName: 'SC3', name: 'Support Session', serviceType: 'SupportCenter' },
  { id: 9, shortName: 'SAC', name: 'Sales Meeting', serviceType: 'SalesCenter' },
];
