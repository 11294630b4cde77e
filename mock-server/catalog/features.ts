/**
 * Site features that gate user attributes, session types, and site-level defaults.
 * `getSitePath` is where GetSite reports the flag (site:siteInstance/...), as Cisco's own admin UI reads it.
 */
export interface FeatureDef {
  key: FeatureKey;
  label: string;
  /** Path under ns1:siteInstance in the GetSite response (real capture order, docs/notes/real-api-research.md §3.2). */
  getSitePath: readonly string[];
  source: string;
}

export type FeatureKey =
  | 'callInTeleconferencing'
  | 'tollFreeCallinTeleconferencing'
  | 'intlCallInTeleconferencing'
  | 'callBackTeleconferencing'
  | 'intlCallBackTeleconferencing'
  | 'supportOtherTypeTeleconf'
  | 'internetPhone'
  | 'teleCLIAuthEnabled'
  | 'teleCLIPINEnabled'
  | 'tspTelephony'
  | 'personalMeetingRoom'
  | 'cloudTelepresence'
  | 'hqVideo'
  | 'hdVideo'
  | 'handsOnLab'
  | 'eventCenterBandwidth'
  | 'myWebExPro'
  | 'pmrHeaderBranding'
  | 'webACD'
  | 'meetingCenter'
  | 'trainingCenter'
  | 'supportCenter'
  | 'eventCenter'
  | 'salesCenter';

const f = (key: FeatureKey, label: string, path: string[], source: string): FeatureDef => ({ key, label, getSitePath: path, source });

export const FEATURES: readonly FeatureDef[] = [
  f('callInTeleconferencing', 'Call-in teleconferencing', ['telephonyConfig', 'callInTeleconferencing'], 'Control Hub UI'),
  f('tollFreeCallinTeleconferencing', 'Toll-free call-in', ['telephonyConfig', 'tollFreeCallinTeleconferencing'], 'Control Hub UI'),
  f('intlCallInTeleconferencing', 'International call-in', ['telephonyConfig', 'intlCallInTeleconferencing'], 'Control Hub UI'),
  f('callBackTeleconferencing', 'Call-back teleconferencing', ['telephonyConfig', 'callBackTeleconferencing'], 'Control Hub UI'),
  f('intlCallBackTeleconferencing', 'International call-back', ['telephonyConfig', 'intlCallBackTeleconferencing'], 'Control Hub UI'),
  f('supportOtherTypeTeleconf', 'Other teleconferencing', ['telephonyConfig', 'supportOtherTypeTeleconf'], 'Control Hub UI'),
  f('internetPhone', 'Internet phone (VoIP)', ['telephonyConfig', 'internetPhone'], 'Control Hub UI'),
  f('teleCLIAuthEnabled', 'Caller-ID authentication', ['telephonyConfig', 'teleCLIAuthEnabled'], 'Control Hub UI'),
  f('teleCLIPINEnabled', 'Caller-ID PIN', ['telephonyConfig', 'teleCLIPINEnabled'], 'real GetSite'),
  f('tspTelephony', 'TSP audio (third-party telephony API)', ['telephonyConfig', 'isTSPUsingTelephonyAPI'], 'inference from Control Hub UI'),
  f('personalMeetingRoom', 'Personal Room', ['siteCommonOptions', 'enablePersonalMeetingRoom'], 'Control Hub UI'),
  f('cloudTelepresence', 'Collaboration Meeting Room (CET)', ['siteCommonOptions', 'EnableCloudTelepresence'], 'Control Hub UI'),
  f('hqVideo', 'High-quality video', ['video', 'HQvideo'], 'Control Hub UI'),
  f('hdVideo', 'High-definition video', ['video', 'HDvideo'], 'Control Hub UI'),
  f('handsOnLab', 'Training Center hands-on lab', ['tools', 'handsOnLab'], 'Control Hub UI'),
  f('eventCenterBandwidth', 'Event Center attendee bandwidth optimisation', ['supportedServices', 'eventCenter', 'optimizeAttendeeBandwidthUsage'], 'Control Hub UI'),
  f('myWebExPro', 'My WebEx Pro', ['myWebExConfig', 'enableMyWebExPro'], 'real GetSite'),
  f('pmrHeaderBranding', 'Personal Room header branding', ['myWebExConfig', 'PMRheaderBranding'], 'real GetSite'),
  f('webACD', 'Support Center WebACD', ['supportedServices', 'supportCenter', 'webACD'], 'Okta guide; user.xsd webACDPrefs'),
  f('meetingCenter', 'Meeting Center', ['supportedServices', 'meetingCenter', 'enabled'], 'GetSite supportedServices'),
  f('trainingCenter', 'Training Center', ['supportedServices', 'trainingCenter', 'enabled'], 'GetSite supportedServices'),
  f('supportCenter', 'Support Center', ['supportedServices', 'supportCenter', 'enabled'], 'GetSite supportedServices'),
  f('eventCenter', 'Event Center', ['supportedServices', 'eventCenter', 'enabled'], 'GetSite supportedServices'),
  f('salesCenter', 'Sales Center', ['supportedServices', 'salesCenter', 'enabled'], 'GetSite supportedServices'),
];

export const FEATURE_KEYS: readonly FeatureKey[] = FEATURES.map((d) => d.key);

export function featureDef(key: FeatureKey): FeatureDef {
  const def = FEATURES.find((d) => d.key === key);
  if (!def) throw new Error(`unknown feature ${key}`);
  return def;
}

/** Service (center) each session type belongs to; used for supportedServices and GetSite. */
export type ServiceType = 'MeetingCenter' | 'EventCenter' | 'TrainingCenter' | 'SupportCenter' | 'SalesCenter';
export const SERVICE_TYPES: readonly ServiceType[] = ['MeetingCenter', 'EventCenter', 'TrainingCenter', 'SupportCenter', 'SalesCenter'];

/** supportedServices flag (user element) for each service type. */
export const SUPPORTED_SERVICE_FLAG: Readonly<Record<ServiceType, string>> = {
  MeetingCenter: 'meetingCenter',
  EventCenter: 'eventCenter',
  TrainingCenter: 'trainingCenter',
  SupportCenter: 'supportCenter',
  SalesCenter: 'salesCenter',
};
