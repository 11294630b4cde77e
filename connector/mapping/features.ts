/**
 * Site features that gate user attributes, and where GetSite (site service) reports each one.
 * Paths are element local names below `siteInstance`, as Cisco's own admin UI reads them (SPEC §3.18).
 * Candidate paths are tried in order; the first one present decides. A service element may be a boolean or, as in
 * the XSD, an object whose `enabled` child is the flag.
 */
export type FeatureKey =
  | 'callInTeleconferencing'
  | 'tollFreeCallInTeleconferencing'
  | 'intlCallInTeleconferencing'
  | 'callBackTeleconferencing'
  | 'intlCallBackTeleconferencing'
  | 'teleCLIAuth'
  | 'teleCLIPIN'
  | 'otherTeleconferencing'
  | 'internetPhone'
  | 'tspTelephony'
  | 'personalMeetingRoom'
  | 'cloudTelepresence'
  | 'hqVideo'
  | 'hdVideo'
  | 'handsOnLab'
  | 'myWebExPro'
  | 'pmrHeaderBranding'
  | 'webACD'
  | 'meetingCenter'
  | 'trainingCenter'
  | 'supportCenter'
  | 'eventCenter'
  | 'salesCenter';

export interface FeatureDef {
  key: FeatureKey;
  label: string;
  getSitePaths: ReadonlyArray<readonly string[]>;
}

const f = (key: FeatureKey, label: string, ...paths: string[]): FeatureDef => ({
  key, label, getSitePaths: paths.map((p) => p.split('/')),
});

export const FEATURES: Readonly<Record<FeatureKey, FeatureDef>> = {
  callInTeleconferencing: f('callInTeleconferencing', 'Call-in teleconferencing', 'telephonyConfig/callInTeleconferencing'),
  tollFreeCallInTeleconferencing: f('tollFreeCallInTeleconferencing', 'Toll-free call-in teleconferencing', 'telephonyConfig/tollFreeCallinTeleconferencing'),
  intlCallInTeleconferencing: f('intlCallInTeleconferencing', 'International call-in teleconferencing', 'telephonyConfig/intlCallInTeleconferencing'),
  callBackTeleconferencing: f('callBackTeleconferencing', 'Call-back teleconferencing', 'telephonyConfig/callBackTeleconferencing'),
  intlCallBackTeleconferencing: f('intlCallBackTeleconferencing', 'International call-back teleconferencing', 'telephonyConfig/intlCallBackTeleconferencing'),
  teleCLIAuth: f('teleCLIAuth', 'Caller-ID authentication', 'telephonyConfig/teleCLIAuthEnabled'),
  teleCLIPIN: f('teleCLIPIN', 'Caller-ID PIN', 'telephonyConfig/teleCLIPINEnabled'),
  otherTeleconferencing: f('otherTeleconferencing', 'Other teleconferencing', 'telephonyConfig/supportOtherTypeTeleconf'),
  internetPhone: f('internetPhone', 'Internet phone (VoIP)', 'telephonyConfig/internetPhone'),
  tspTelephony: f('tspTelephony', 'TSP (third-party) audio', 'telephonyConfig/isTSPUsingTelephonyAPI'),
  personalMeetingRoom: f('personalMeetingRoom', 'Personal Meeting Room', 'siteCommonOptions/enablePersonalMeetingRoom'),
  cloudTelepresence: f('cloudTelepresence', 'Collaboration Meeting Room (CET)', 'siteCommonOptions/EnableCloudTelepresence'),
  hqVideo: f('hqVideo', 'High-quality video', 'video/HQvideo'),
  hdVideo: f('hdVideo', 'High-definition video', 'video/HDvideo'),
  handsOnLab: f('handsOnLab', 'Training Center hands-on lab', 'tools/handsOnLab'),
  myWebExPro: f('myWebExPro', 'My WebEx Pro', 'myWebExConfig/enableMyWebExPro'),
  pmrHeaderBranding: f('pmrHeaderBranding', 'PMR header branding', 'myWebExConfig/PMRheaderBranding'),
  webACD: f('webACD', 'Support Center WebACD', 'supportedServices/supportCenter/webACD', 'supportCenter/webACD'),
  meetingCenter: f('meetingCenter', 'Meeting Center', 'supportedServices/meetingCenter'),
  trainingCenter: f('trainingCenter', 'Training Center', 'supportedServices/trainingCenter'),
  supportCenter: f('supportCenter', 'Support Center', 'supportedServices/supportCenter'),
  eventCenter: f('eventCenter', 'Event Center', 'supportedServices/eventCenter'),
  salesCenter: f('salesCenter', 'Sales Center', 'supportedServices/salesCenter'),
};
