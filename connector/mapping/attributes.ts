import type { FeatureKey } from './features';

/**
 * The connector's own attribute table: flat attribute names (Okta's names, SPEC §4) → XML element paths,
 * types and constraints. Deliberately NOT derived from the emulator's catalog, so the conformance suite can
 * catch a mapping mistake here. Rows are in XSD sequence order inside each container; TOP_LEVEL_ORDER
 * gives the order of the containers themselves.
 */

export type AttributeType = 'string' | 'boolean' | 'integer' | 'enum' | 'integerList';

/** Namespace prefix the element carries in Webex responses (and in requests sent in qualified style). */
export type ElementNamespace = 'use' | 'com';

export type Access =
  /** CreateUser and SetUser. */
  | 'read-write'
  /** SetUser only: Webex generates it on create, so the connector creates, then updates (personalUrl, hostPIN). */
  | 'update-only'
  /** Returned by GetUser, derived by Webex, never sent. */
  | 'read-only';

export interface AttributeDef {
  name: string;
  /** Element local names below bodyContent; `tspAccount/tspAccount` is the account chosen by accountIndex. */
  path: readonly string[];
  /** Namespace of each element of `path` (containers are `use`; address/phones/tracking children may be `com`). */
  ns: readonly ElementNamespace[];
  type: AttributeType;
  access: Access;
  enumValues?: readonly string[];
  maxLength?: number;
  min?: number;
  max?: number;
  /** A format the value must match, and how to say it. */
  pattern?: RegExp;
  patternText?: string;
  /** The site feature this attribute needs; when off, Webex accepts only `featureOffValue` (if any). */
  feature?: FeatureKey;
  /** Base attributes are in every profile Okta shows by default. */
  base?: boolean;
  /** `spec` = SPEC §4 / Okta list; `xsd` = an element of the XSD the connector adds (city, state, country, meetingTypes). */
  origin: 'spec' | 'xsd';
  /** Something an admin must know (side effects, unconfirmed placement). */
  note?: string;
}

const PHONE_NOTE = 'Webex phone format: comma-separated country code, area code, number[, extension], e.g. 1,408,5550100';
const DATE_PATTERN = /^(0[1-9]|1[0-2])\/(0[1-9]|[12]\d|3[01])\/\d{4} ([01]\d|2[0-3]):[0-5]\d:[0-5]\d$/;

type Extra = Partial<Omit<AttributeDef, 'name' | 'path' | 'ns' | 'type'>>;

function attr(name: string, path: string, type: AttributeType, extra: Extra = {}, ns?: ElementNamespace[]): AttributeDef {
  const segments = path.split('/');
  return {
    name,
    path: segments,
    ns: ns ?? segments.map(() => 'use' as const),
    type,
    access: extra.access ?? 'read-write',
    origin: extra.origin ?? 'spec',
    ...extra,
  };
}

/** A child of a `com:` typed container (address, base phones, tracking): container is use:, child com:. */
const com = (name: string, path: string, type: AttributeType, extra: Extra = {}) => attr(name, path, type, extra, ['use', 'com']);

const bool = (name: string, path: string, extra: Extra = {}) => attr(name, path, 'boolean', extra);
const str = (name: string, path: string, extra: Extra = {}) => attr(name, path, 'string', extra);
const int = (name: string, path: string, extra: Extra = {}) => attr(name, path, 'integer', extra);
const oneOf = (name: string, path: string, values: readonly string[], extra: Extra = {}) =>
  attr(name, path, 'enum', { enumValues: values, ...extra });

const tsp = (name: string, child: string, type: AttributeType, extra: Extra = {}) =>
  attr(name, `tspAccount/tspAccount/${child}`, type, { feature: 'tspTelephony', ...extra });

const SERVICE_TYPES = ['MeetingCenter', 'EventCenter', 'TrainingCenter', 'SupportCenter', 'SalesCenter'] as const;

export const ATTRIBUTES: readonly AttributeDef[] = [
  // --- top-level scalars, in XSD order up to address ---
  str('firstName', 'firstName', { base: true, maxLength: 64 }),
  str('lastName', 'lastName', { base: true, maxLength: 64 }),
  str('displayName', 'displayName', { maxLength: 128, note: 'XML API 40.11: defaults to "firstName lastName"; placement in the user sequence unconfirmed' }),
  str('title', 'title', { maxLength: 128 }),
  int('categoryId', 'categoryId', { min: 0 }),
  str('description', 'description', { maxLength: 4000 }),
  str('officeGreeting', 'officeGreeting', { maxLength: 128 }),
  str('company', 'company', { maxLength: 128 }),
  str('webExId', 'webExId', { base: true, maxLength: 64 }),

  // --- address (com:addressType) ---
  com('addressAddressType', 'address/addressType', 'enum', { enumValues: ['PERSONAL', 'GLOBAL'] }),
  com('addressAddress1', 'address/address1', 'string', { maxLength: 128 }),
  com('addressAddress2', 'address/address2', 'string', { maxLength: 128 }),
  com('addressCity', 'address/city', 'string', { origin: 'xsd' }),
  com('addressState', 'address/state', 'string', { origin: 'xsd' }),
  com('addressZipCode', 'address/zipCode', 'string', { maxLength: 32 }),
  com('addressCountry', 'address/country', 'string', { origin: 'xsd', maxLength: 64, note: 'A Webex country name' }),

  // --- phones (com:phonesType extended by use:userPhonesType) ---
  com('phonesPhone', 'phones/phone', 'string', { base: true, maxLength: 64, note: `Primary phone. ${PHONE_NOTE}` }),
  com('phonesMobilePhone', 'phones/mobilePhone', 'string', {
    base: true, maxLength: 64, note: `Setting it also sets the primary phone on Webex (documented behaviour). ${PHONE_NOTE}`,
  }),
  com('phonesFax', 'phones/fax', 'string', { maxLength: 64, note: PHONE_NOTE }),
  str('phonesPhone2', 'phones/phone2', { maxLength: 64, note: PHONE_NOTE }),
  str('phonesMobilePhone2', 'phones/mobilePhone2', { maxLength: 64, note: PHONE_NOTE }),
  str('phonesPager', 'phones/pager', { maxLength: 64, note: PHONE_NOTE }),

  str('email', 'email', { base: true, maxLength: 64 }),
  str('email2', 'email2', { maxLength: 64 }),
  str('officeurl', 'officeurl', { maxLength: 128 }),
  str('password', 'password', { base: true, maxLength: 60, note: 'Checked against the site password policy; GetUser returns ******' }),
  str('passwordHint', 'passwordHint', { maxLength: 128 }),
  str('passwordHintAnswer', 'passwordHintAnswer', { maxLength: 128 }),
  str('personalUrl', 'personalUrl', {
    access: 'update-only', maxLength: 64, pattern: /^[A-Za-z0-9_.-]+$/, patternText: 'only A-Z a-z 0-9 _ - .',
    note: 'Webex generates one on create; the connector sets a mapped value with a SetUser right after CreateUser',
  }),
  str('expirationDate', 'expirationDate', { pattern: DATE_PATTERN, patternText: 'MM/DD/YYYY HH:MM:SS' }),

  // --- commOptions ---
  bool('commOptionsProdAnnounce', 'commOptions/prodAnnounce'),
  bool('commOptionsTrainingInfo', 'commOptions/trainingInfo'),
  bool('commOptionsElectronicInfo', 'commOptions/electronicInfo'),
  bool('commOptionsPromos', 'commOptions/promos'),
  bool('commOptionsPress', 'commOptions/press'),
  bool('commOptionsEmail', 'commOptions/email'),
  bool('commOptionsFax', 'commOptions/fax'),
  bool('commOptionsPhone', 'commOptions/phone'),
  bool('commOptionsMail', 'commOptions/mail'),

  attr('meetingTypes', 'meetingTypes/meetingType', 'integerList', {
    origin: 'xsd',
    note: 'Session-type ids (complete list, replaces the current one); licensed per session type; map the supportedServices* flags too',
  }),

  // --- options ---
  bool('optionsFirstNameVisible', 'options/firstNameVisible'),
  bool('optionsLastNameVisible', 'options/lastNameVisible'),
  bool('optionsAddressVisible', 'options/addressVisible'),
  bool('optionsWorkPhoneVisible', 'options/workPhoneVisible'),
  bool('optionsCellPhoneVisible', 'options/cellPhoneVisible'),
  bool('optionsPagerVisible', 'options/pagerVisible'),
  bool('optionsFaxVisible', 'options/faxVisible'),
  bool('optionsOfficeUrlVisible', 'options/officeUrlVisible'),
  bool('optionsPictureVisible', 'options/pictureVisible'),
  bool('optionsNotifyOnNewMessage', 'options/notifyOnNewMessage'),
  bool('optionsNotifyOnMeeting', 'options/notifyOnMeeting'),
  bool('optionsFollowMeEnable', 'options/followMeEnable'),
  bool('optionsEmailVisible', 'options/emailVisible'),
  bool('optionsListInCategory', 'options/listInCategory'),
  bool('optionsTitleVisible', 'options/titleVisible'),
  bool('optionsFolderRead', 'options/folderRead'),
  bool('optionsFolderWrite', 'options/folderWrite'),
  bool('optionsMessageVisible', 'options/messageVisible'),
  bool('optionsIconSelect1', 'options/iconSelect1'),
  bool('optionsIconSelect2', 'options/iconSelect2'),
  bool('optionsAcceptLinkRequest', 'options/acceptLinkRequest'),
  bool('optionsHoldOnLinkRequest', 'options/holdOnLinkRequest'),
  bool('optionsNotifyOnLinkRequest', 'options/notifyOnLinkRequest'),
  bool('optionsSupportVideo', 'options/supportVideo'),
  bool('optionsSupportApp', 'options/supportApp'),
  bool('optionsSupportFileShare', 'options/supportFileShare'),
  bool('optionsSupportDesktopShare', 'options/supportDesktopShare'),
  bool('optionsSupportMeetingRecord', 'options/supportMeetingRecord'),
  bool('optionsSupportAppshareRemote', 'options/supportAppshareRemote'),
  bool('optionsSupportWebTourRemote', 'options/supportWebTourRemote'),
  bool('optionsSupportDesktopShareRemote', 'options/supportDesktopShareRemote'),
  bool('optionsSubscriptionOffice', 'options/subscriptionOffice'),
  bool('optionsIsEnableCET', 'options/isEnableCET', {
    feature: 'cloudTelepresence', note: 'Placement under options is unconfirmed; the real server has privilege/isEnableCET',
  }),
  bool('optionsWorkPhoneCallback', 'options/workPhoneCallback'),
  bool('optionsCellPhoneCallback', 'options/cellPhoneCallback'),
  bool('optionsFaxCallback', 'options/faxCallback'),
  bool('optionsPagerCallback', 'options/pagerCallback'),

  int('timeZoneID', 'timeZoneID', { min: -1, note: 'Index into the Webex time-zone list (-1 = site default, 4 = Pacific San Jose)' }),
  str('timeZone', 'timeZone', { note: 'com:timeZoneType string, e.g. "GMT-08:00, Pacific (San Jose)"' }),
  // SPEC §3.1 lists it as C/S/G "read-mostly": Webex derives it from timeZoneID, so the connector never sends it.
  str('timeZoneWithDST', 'timeZoneWithDST', { access: 'read-only', note: 'Derived by Webex from timeZoneID' }),

  // --- tracking (com:trackingType) ---
  ...Array.from({ length: 10 }, (_, i) =>
    com(`trackingTrackingCode${i + 1}`, `tracking/trackingCode${i + 1}`, 'string', { maxLength: 128 })),

  oneOf('service', 'service', ['FREE_OFFICE', 'STANDARD_OFFICE', 'PRO_OFFICE']),

  // --- privilege ---
  bool('privilegeHost', 'privilege/host'),
  bool('privilegeTeleConfCallOut', 'privilege/teleConfCallOut', { feature: 'callBackTeleconferencing' }),
  bool('privilegeTeleConfCallOutInternational', 'privilege/teleConfCallOutInternational', { feature: 'intlCallBackTeleconferencing' }),
  bool('privilegeTeleConfCallIn', 'privilege/teleConfCallIn', { feature: 'callInTeleconferencing' }),
  bool('privilegeTeleConfTollFreeCallIn', 'privilege/teleConfTollFreeCallIn', { feature: 'tollFreeCallInTeleconferencing' }),
  bool('privilegeSiteAdmin', 'privilege/siteAdmin'),
  bool('privilegeVoiceOverIp', 'privilege/voiceOverIp', { feature: 'internetPhone' }),
  bool('privilegeRoSiteAdmin', 'privilege/roSiteAdmin'),
  bool('privilegeLabAdmin', 'privilege/labAdmin', { feature: 'handsOnLab' }),
  bool('privilegeOtherTelephony', 'privilege/otherTelephony', { feature: 'otherTeleconferencing', note: 'Defaults to true' }),
  bool('privilegeTeleConfCallInInternational', 'privilege/teleConfCallInInternational', { feature: 'intlCallInTeleconferencing' }),
  bool('privilegeAttendeeOnly', 'privilege/attendeeOnly'),
  bool('privilegeRecordingEditor', 'privilege/recordingEditor'),
  bool('privilegeMeetingAssist', 'privilege/meetingAssist'),
  bool('privilegeHQvideo', 'privilege/HQvideo', { feature: 'hqVideo' }),
  bool('privilegeAllowExtAttendees', 'privilege/allowExtAttendees'),
  bool('privilegeHDvideo', 'privilege/HDvideo', { feature: 'hdVideo', note: 'Needs HQ video too' }),
  bool('privilegeIsEnableCET', 'privilege/isEnableCET', { feature: 'cloudTelepresence' }),
  bool('privilegeIsEnablePMR', 'privilege/isEnablePMR', { feature: 'personalMeetingRoom' }),
  bool('privilegeTeleCLIAuthEnabled', 'privilege/teleCLIAuthEnabled', { feature: 'teleCLIAuth' }),
  bool('privilegeTeleCLIPINEnabled', 'privilege/teleCLIPINEnabled', { feature: 'teleCLIPIN' }),

  str('language', 'language', {
    note: 'common.xsd languageType: ENGLISH, INTERNATIONAL ENGLISH, SIMPLIFIED CHINESE, TRADITIONAL CHINESE, JAPANESE, KOREAN, FRENCH, CANADIAN FRENCH, GERMAN, ITALIAN, CASTILIAN SPANISH, LATIN AMERICAN SPANISH, SWEDISH, DUTCH, BRAZILIAN PORTUGUESE, PORTUGUESE, SPANISH',
  }),
  str('locale', 'locale', { maxLength: 64, note: 'e.g. U.S.' }),
  str('schedulingPermission', 'schedulingPermission', { maxLength: 1024, note: 'webExIds allowed to schedule for this user' }),
  oneOf('active', 'active', ['ACTIVATED', 'REQUEST_TO_ACTIVATE', 'DEACTIVATED'], { base: true }),

  // --- tspAccount/tspAccount[accountIndex] ---
  tsp('tspAccountTollFreeCallInNumber', 'tollFreeCallInNumber', 'string'),
  tsp('tspAccountAccountIndex', 'accountIndex', 'integer', { min: 1, max: 3, note: 'Which of the 3 TSP accounts the other tspAccount* attributes address' }),
  tsp('tspAccountTollCallInNumber', 'tollCallInNumber', 'string'),
  tsp('tspAccountSubscriberAccessCode', 'subscriberAccessCode', 'string'),
  tsp('tspAccountParticipantAccessCode', 'participantAccessCode', 'string'),
  tsp('tspAccountCreateOnBridge', 'createOnBridge', 'boolean'),
  tsp('tspAccountDefaultFlag', 'defaultFlag', 'boolean'),
  tsp('tspAccountCustom1', 'custom1', 'string'),
  tsp('tspAccountCustom2', 'custom2', 'string'),
  tsp('tspAccountCustom3', 'custom3', 'string'),
  tsp('tspAccountTollFreeCallInData', 'tollFreeCallInData', 'string'),
  tsp('tspAccountTollCallInData', 'tollCallInData', 'string'),
  tsp('tspAccountNbrDialOut', 'nbrDialOut', 'enum', { enumValues: ['TOLL_FREE', 'TOLL'] }),

  // --- supportedServices ---
  bool('supportedServicesMeetingCenter', 'supportedServices/meetingCenter', { feature: 'meetingCenter' }),
  bool('supportedServicesTrainingCenter', 'supportedServices/trainingCenter', { feature: 'trainingCenter' }),
  bool('supportedServicesSupportCenter', 'supportedServices/supportCenter', { feature: 'supportCenter' }),
  bool('supportedServicesEventCenter', 'supportedServices/eventCenter', { feature: 'eventCenter' }),
  bool('supportedServicesSalesCenter', 'supportedServices/salesCenter', { feature: 'salesCenter' }),

  // --- myWebEx (XSD order) ---
  bool('myWebExIsMyWebExPro', 'myWebEx/isMyWebExPro', { feature: 'myWebExPro' }),
  bool('myWebExMyContact', 'myWebEx/myContact'),
  bool('myWebExMyProfile', 'myWebEx/myProfile'),
  bool('myWebExMyMeetings', 'myWebEx/myMeetings'),
  bool('myWebExMyFolders', 'myWebEx/myFolders'),
  bool('myWebExTrainingRecordings', 'myWebEx/trainingRecordings'),
  bool('myWebExRecordedEvents', 'myWebEx/recordedEvents'),
  int('myWebExTotalStorageSize', 'myWebEx/totalStorageSize', { min: 0 }),
  bool('myWebExMyReports', 'myWebEx/myReports'),
  int('myWebExMyComputer', 'myWebEx/myComputer', { min: 0 }),
  bool('myWebExPersonalMeetingRoom', 'myWebEx/personalMeetingRoom'),
  bool('myWebExMyPartnerLinks', 'myWebEx/myPartnerLinks'),
  bool('myWebExMyWorkspaces', 'myWebEx/myWorkspaces'),
  int('myWebExAdditionalRecordingStorage', 'myWebEx/additionalRecordingStorage', { min: 0 }),

  // --- personalMeetingRoom ---
  str('personalMeetingRoomWelcomeMessage', 'personalMeetingRoom/welcomeMessage', { feature: 'personalMeetingRoom', maxLength: 1024 }),
  str('personalMeetingRoomPhotoURL', 'personalMeetingRoom/photoURL', { feature: 'personalMeetingRoom', maxLength: 1024 }),
  bool('personalMeetingRoomHeaderImageBranding', 'personalMeetingRoom/headerImageBranding', { feature: 'pmrHeaderBranding' }),
  str('personalMeetingRoomHeaderImageURL', 'personalMeetingRoom/headerImageURL', { feature: 'personalMeetingRoom', maxLength: 1024 }),
  str('personalMeetingRoomURL', 'personalMeetingRoom/personalMeetingRoomURL', {
    access: 'read-only', feature: 'personalMeetingRoom', note: 'https://{site host}/meet/{personalUrl}, derived by Webex',
  }),
  str('personalMeetingRoomSipURL', 'personalMeetingRoom/sipURL', {
    access: 'read-only', feature: 'personalMeetingRoom', note: '{personalUrl}@{site host}, derived by Webex',
  }),
  str('personalMeetingRoomAccessCode', 'personalMeetingRoom/accessCode', { access: 'read-only', feature: 'personalMeetingRoom' }),
  str('personalMeetingRoomHostPIN', 'personalMeetingRoom/hostPIN', {
    access: 'update-only', feature: 'personalMeetingRoom', maxLength: 8, pattern: /^\d{4}$/, patternText: '4 digits', note: 'No repeated digits or simple sequences',
  }),
  str('personalMeetingRoomPilotNumber', 'personalMeetingRoom/pilotNumber', { feature: 'personalMeetingRoom', maxLength: 64, note: 'Element unconfirmed' }),
  bool('personalMeetingRoomApplyPMRForInstantMeeting', 'personalMeetingRoom/applyPMRForInstantMeeting', { feature: 'personalMeetingRoom' }),
  bool('personalMeetingRoomPmrAutoLock', 'personalMeetingRoom/PMRAutoLock', { feature: 'personalMeetingRoom' }),
  int('personalMeetingRoomPmrAutoLockWaitTime', 'personalMeetingRoom/PMRAutoLockWaitTime', { feature: 'personalMeetingRoom', min: 0, max: 60 }),

  // --- sessionOptions ---
  int('sessionOptionsDefaultSessionType', 'sessionOptions/defaultSessionType'),
  oneOf('sessionOptionsDefaultServiceType', 'sessionOptions/defaultServiceType', SERVICE_TYPES),
  bool('sessionOptionsAutoDeleteAfterMeetingEnd', 'sessionOptions/autoDeleteAfterMeetingEnd'),
  bool('sessionOptionsDisplayQuickStartHost', 'sessionOptions/displayQuickStartHost'),
  bool('sessionOptionsDisplayQuickStartAttendees', 'sessionOptions/displayQuickStartAttendees'),

  str('mpProfileNumber', 'mpProfileNumber', { maxLength: 64 }),

  // --- security ---
  bool('securityForceChangePassword', 'security/forceChangePassword'),
  bool('securityResetPassword', 'security/resetPassword'),
  bool('securityLockAccount', 'security/lockAccount'),

  int('languageID', 'languageID', { min: 1, max: 17 }),

  // --- webACDPrefs (webACDUserRoleType first, then its extension) ---
  bool('webACDPrefsIsAgent', 'webACDPrefs/isAgent', { feature: 'webACD' }),
  bool('webACDPrefsIsMgr', 'webACDPrefs/isMgr', { feature: 'webACD' }),
  int('webACDPrefsNumAgentSessions', 'webACDPrefs/numAgentSessions', { feature: 'webACD', min: 0, max: 99 }),
  bool('webACDPrefsAgentMonitorAllRSQueues', 'webACDPrefs/agentMonitorAllRSQueues', { feature: 'webACD' }),
  bool('webACDPrefsManagerMonitorAllRSQueues', 'webACDPrefs/managerMonitorAllRSQueues', { feature: 'webACD' }),
  bool('webACDPrefsMonitorAllRSAgents', 'webACDPrefs/monitorAllRSAgents', { feature: 'webACD' }),

  bool('cmrHybridVoip', 'cmrHybridVoip', { note: 'XML API 40.11: the user-level EnableCMRHybridVoIP setting; placement unconfirmed' }),
];

/** Order of the top-level elements of the user tree (XSD sequence, newer elements where the real server puts them). */
export const TOP_LEVEL_ORDER: readonly string[] = [
  'firstName', 'lastName', 'displayName', 'title', 'categoryId', 'description', 'officeGreeting', 'company', 'webExId', 'address',
  'phones', 'email', 'email2', 'officeurl', 'password', 'passwordHint', 'passwordHintAnswer', 'personalUrl',
  'expirationDate', 'commOptions', 'meetingTypes', 'options', 'timeZoneID', 'timeZone', 'timeZoneWithDST', 'tracking',
  'service', 'privilege', 'language', 'locale', 'schedulingPermission', 'active', 'defaultCallIn', 'tspAccount',
  'supportedServices', 'myWebEx', 'personalTeleconf', 'videoSystems', 'thirdPartyTeleconf', 'personalMeetingRoom',
  'sessionOptions', 'supportCenter', 'mpProfileNumber', 'security', 'languageID', 'webACDPrefs', 'remoteSupport',
  'remoteAccess', 'cmrHybridVoip',
  // operation extras: CreateUser (salesCenter, syncWebOffice, sendWelcome, validateFormat),
  // SetUser (salesCenter, newWebExId, syncWebOffice, validateFormat)
  'salesCenter', 'newWebExId', 'syncWebOffice', 'sendWelcome', 'validateFormat',
];

const BY_NAME: ReadonlyMap<string, AttributeDef> = new Map(ATTRIBUTES.map((a) => [a.name, a]));

export function attributeByName(name: string): AttributeDef | undefined {
  return BY_NAME.get(name);
}

/** The attribute an XML field name refers to: a flat name, a path (`privilege/HQvideo`) or a unique leaf name. */
export function attributeForField(field: string): AttributeDef | undefined {
  const direct = BY_NAME.get(field);
  if (direct) return direct;
  const path = field.replace(/^\/+|\/+$/g, '');
  const byPath = ATTRIBUTES.find((a) => a.path.join('/') === path);
  if (byPath) return byPath;
  const byLeaf = ATTRIBUTES.filter((a) => a.path[a.path.length - 1] === path);
  return byLeaf.length === 1 ? byLeaf[0] : undefined;
}

/** Child order inside a container path, taken from the table order (which follows the XSD). */
export function childOrder(containerPath: string): readonly string[] {
  if (containerPath === '') return TOP_LEVEL_ORDER;
  const depth = containerPath.split('/').length;
  const order: string[] = [];
  for (const a of ATTRIBUTES) {
    if (a.path.length > depth && a.path.slice(0, depth).join('/') === containerPath) {
      const child = a.path[depth];
      if (!order.includes(child)) order.push(child);
    }
  }
  return order;
}
