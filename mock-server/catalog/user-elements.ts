/**
 * The Webex user element tree (SPEC §3) as data, in the order GetUser emits it (XSD sequence, with the
 * newer elements where the real 2016 capture places them). Flat connector attribute names (SPEC §4) are
 * attached to the leaves they address. Codec, validation, GetSite, conformance cases and docs read this.
 */
import type { Access, ContainerDef, ElementDef, LeafDef, ListDef, ValueType } from './element-types';
import type { FeatureKey } from './features';
import { TIME_ZONES } from './timezones';
import { LANGUAGES } from './languages';

const CSG: Access = { create: 'yes', set: true, get: true };
const SG_CREATE_IGNORED: Access = { create: 'ignored', set: true, get: true };
const G: Access = { create: 'no', set: false, get: true };

type LeafOptions = Partial<Omit<LeafDef, 'kind' | 'element' | 'type'>>;

function leaf(element: string, type: ValueType, opts: LeafOptions = {}): LeafDef {
  return {
    kind: 'leaf', element, type, ns: 'use', access: CSG, confidence: 'confirmed', source: 'XSD', ...opts,
  };
}
const str = (element: string, opts: LeafOptions = {}) => leaf(element, 'string', opts);
const int = (element: string, opts: LeafOptions = {}) => leaf(element, 'integer', opts);
const enm = (element: string, values: readonly string[], opts: LeafOptions = {}) => leaf(element, 'enum', { enumValues: values, ...opts });
/** Booleans default to false and are always shown, as the real GetUser shows every flag of a container. */
const bool = (element: string, opts: LeafOptions = {}) => leaf(element, 'boolean', { default: false, alwaysShown: true, ...opts });

function container(element: string, children: ElementDef[], opts: Partial<Pick<ContainerDef, 'ns' | 'alwaysShown'>> = {}): ContainerDef {
  return { kind: 'container', element, children, ns: 'use', ...opts };
}

/** Flat attribute name for a child: prefix + capitalised element (`privilege` + `host` → `privilegeHost`). */
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Booleans of a container whose flat names follow the `<container><Element>` rule of SPEC §4. */
function flags(prefix: string, names: string[], opts: LeafOptions = {}): LeafDef[] {
  return names.map((n) => bool(n, { attribute: prefix + cap(n), ...opts }));
}

const gated = (feature: FeatureKey): LeafOptions => ({ feature });

export const DATE_TIME_PATTERN = /^(0[1-9]|1[0-2])\/(0[1-9]|[12]\d|3[01])\/\d{4} ([01]\d|2[0-3]):[0-5]\d:[0-5]\d$/;
export const ACTIVE_VALUES = ['ACTIVATED', 'REQUEST_TO_ACTIVATE', 'DEACTIVATED'] as const;
export const SERVICE_TYPE_VALUES = ['MeetingCenter', 'EventCenter', 'TrainingCenter', 'SupportCenter', 'SalesCenter'] as const;
const REAL = 'real GetUser capture (2016)';
const KAL = 'Kaltura generated classes (later XSD)';
const API_40_11 = 'XML API 40.11.0 notes, https://help.webex.com/en-us/nckjgxw (FINDINGS-2026-12 §3.2)';

const tspAccountItem = container('tspAccount', [
  str('tollFreeCallInNumber', { attribute: 'tspAccountTollFreeCallInNumber' }),
  int('accountIndex', { min: 1, max: 3, attribute: 'tspAccountAccountIndex' }),
  str('tollCallInNumber', { attribute: 'tspAccountTollCallInNumber' }),
  str('subscriberAccessCode', { attribute: 'tspAccountSubscriberAccessCode' }),
  str('participantAccessCode', { attribute: 'tspAccountParticipantAccessCode' }),
  leaf('createOnBridge', 'boolean', { attribute: 'tspAccountCreateOnBridge' }),
  leaf('defaultFlag', 'boolean', { attribute: 'tspAccountDefaultFlag' }),
  str('custom1', { attribute: 'tspAccountCustom1' }),
  str('custom2', { attribute: 'tspAccountCustom2' }),
  str('custom3', { attribute: 'tspAccountCustom3' }),
  str('tollFreeCallInData', { attribute: 'tspAccountTollFreeCallInData' }),
  str('tollCallInData', { attribute: 'tspAccountTollCallInData' }),
  enm('nbrDialOut', ['TOLL_FREE', 'TOLL'], { attribute: 'tspAccountNbrDialOut' }),
  leaf('delete', 'boolean', { note: 'SetUser: remove the account with this accountIndex' }),
]);

const personalAccountItem = container('account', [
  str('subscriberAccessCode'), str('participantFullAccessCode'), str('participantLimitedAccessCode'),
  int('accountIndex', { min: 1, max: 3 }),
  leaf('defaultFlag', 'boolean'), leaf('autoGenerate', 'boolean'), leaf('joinBeforeHost', 'boolean'), leaf('delete', 'boolean'),
]);

const thirdPartyAccountItem = container('account', [
  str('name', { maxLength: 32 }), str('confBridgeNum', { maxLength: 32 }), int('pause'),
  str('accessCode', { maxLength: 32 }), int('accountIndex', { min: 1, max: 3 }), leaf('defaultFlag', 'boolean'),
  str('tollFreeNum', { maxLength: 32 }), str('moderatorCode', { maxLength: 32 }),
  str('phoneName1', { maxLength: 32 }), str('phoneName2', { maxLength: 32 }),
]);

function list(element: string, item: LeafDef | ContainerDef, maxItems: number, opts: Partial<Pick<ListDef, 'key' | 'feature' | 'access' | 'source'>> = {}): ListDef {
  return { kind: 'list', element, item, maxItems, ns: 'use', access: CSG, source: 'XSD', ...opts };
}

const sharingAndRecording = (): ElementDef[] => [
  enm('sharingView', ['FS_SCALE', 'FS', 'WIN_SCALE', 'WIN']),
  enm('sharingColor', ['256', '16BIT']),
  container('recording', [leaf('enforce', 'boolean'), enm('type', ['NBR', 'LOCAL']), str('location')]),
];

/** GetUser order. */
export const USER_TREE: readonly ElementDef[] = [
  str('firstName', { maxLength: 64, attribute: 'firstName', base: true }),
  str('lastName', { maxLength: 64, attribute: 'lastName', base: true }),
  str('displayName', {
    maxLength: 128, attribute: 'displayName', alwaysShown: true, confidence: 'unconfirmed', source: API_40_11,
    note: 'API 40.11.0: when not set, firstName + " " + lastName (no space for Asian scripts); kept in step with the names until set. Position in GetUser not documented',
  }),
  str('title', { maxLength: 128, attribute: 'title' }),
  int('categoryId', { min: 0, default: 0, alwaysShown: true, attribute: 'categoryId', source: 'XSD; developer.cisco.com CreateUser' }),
  str('description', { maxLength: 4000, attribute: 'description', source: 'developer.cisco.com element page' }),
  str('officeGreeting', { maxLength: 128, attribute: 'officeGreeting' }),
  str('company', { maxLength: 128, attribute: 'company', source: 'developer.cisco.com element page' }),
  str('webExId', { maxLength: 64, attribute: 'webExId', base: true, access: { create: 'yes', set: true, get: true }, alwaysShown: true, note: 'identifies the user in SetUser; rename with newWebExId' }),
  container('address', [
    enm('addressType', ['PERSONAL', 'GLOBAL'], { ns: 'com', default: 'PERSONAL', alwaysShown: true, attribute: 'addressAddressType' }),
    str('address1', { ns: 'com', maxLength: 128, attribute: 'addressAddress1' }),
    str('address2', { ns: 'com', maxLength: 128, attribute: 'addressAddress2' }),
    str('city', { ns: 'com', maxLength: 64, attribute: 'addressCity', note: 'not in Okta\'s attribute list', confidence: 'unconfirmed' }),
    str('state', { ns: 'com', maxLength: 64, attribute: 'addressState', note: 'not in Okta\'s attribute list', confidence: 'unconfirmed' }),
    str('zipCode', { ns: 'com', maxLength: 32, attribute: 'addressZipCode', confidence: 'unconfirmed', note: 'maxLength not documented' }),
    str('country', { ns: 'com', maxLength: 64, attribute: 'addressCountry', note: 'not in Okta\'s attribute list' }),
  ], { alwaysShown: true }),
  container('phones', [
    str('phone', { ns: 'com', maxLength: 64, attribute: 'phonesPhone', base: true, note: 'Webex format: country,area,number[,extension]' }),
    str('mobilePhone', { ns: 'com', maxLength: 64, attribute: 'phonesMobilePhone', base: true, note: 'setting it also sets phone (Okta guide)' }),
    str('fax', { ns: 'com', maxLength: 64, attribute: 'phonesFax' }),
    str('phone2', { maxLength: 64, attribute: 'phonesPhone2' }),
    str('mobilePhone2', { maxLength: 64, attribute: 'phonesMobilePhone2' }),
    str('pager', { maxLength: 64, attribute: 'phonesPager' }),
    str('PIN', { maxLength: 16, rule: 'pin', alwaysShown: true, attribute: 'phonesPIN', source: KAL + '; PingFederate docs', note: 'not in Okta\'s list; repeats and sequences rejected' }),
  ], { alwaysShown: true }),
  str('email', { maxLength: 64, rule: 'email', attribute: 'email', base: true }),
  str('email2', { maxLength: 64, rule: 'email', attribute: 'email2' }),
  str('officeurl', { maxLength: 128, attribute: 'officeurl' }),
  str('password', { maxLength: 60, rule: 'password', attribute: 'password', base: true, alwaysShown: true, note: 'GetUser always shows ******' }),
  str('passwordHint', { maxLength: 128, attribute: 'passwordHint' }),
  str('passwordHintAnswer', { maxLength: 128, attribute: 'passwordHintAnswer' }),
  str('personalUrl', { maxLength: 64, rule: 'personalUrl', access: SG_CREATE_IGNORED, alwaysShown: true, attribute: 'personalUrl', source: 'XSD; Okta guide; real capture', note: 'generated on create (pr + 13 digits); settable by SetUser' }),
  // examples/getuser-response-1.xml (a live 2016 capture) shows `none`; the Control Hub UI fixture shows 12/31/2049 23:59:59.
  leaf('expirationDate', 'datetime', { default: 'none', alwaysShown: true, attribute: 'expirationDate', source: 'XSD; real GetUser capture (2016): none' }),
  container('commOptions', flags('commOptions', ['prodAnnounce', 'trainingInfo', 'electronicInfo', 'promos', 'press', 'email', 'fax', 'phone', 'mail']), { alwaysShown: true }),
  container('meetingTypes', [
    list('meetingType', int('meetingType', { rule: 'sessionType' }), 64, { source: 'XSD; real capture; Control Hub UI (110055)' }),
  ], { alwaysShown: true }),
  container('options', [
    // Defaults as the real GetUser capture shows them (examples/getuser-response-1.xml, FINDINGS-2026-12 §5).
    ...flags('options', ['firstNameVisible', 'lastNameVisible', 'addressVisible', 'workPhoneVisible', 'cellPhoneVisible',
      'pagerVisible', 'faxVisible', 'officeUrlVisible', 'pictureVisible', 'notifyOnNewMessage', 'notifyOnMeeting',
      'followMeEnable', 'emailVisible', 'listInCategory', 'titleVisible'], { default: true, source: 'XSD; ' + REAL + ' default true' }),
    ...flags('options', ['folderRead', 'folderWrite', 'messageVisible', 'iconSelect1', 'iconSelect2', 'acceptLinkRequest']),
    ...flags('options', ['holdOnLinkRequest', 'notifyOnLinkRequest', 'supportVideo',
      'supportApp', 'supportFileShare', 'supportDesktopShare', 'supportMeetingRecord', 'supportAppshareRemote',
      'supportWebTourRemote', 'supportDesktopShareRemote', 'subscriptionOffice'], { default: true, source: 'XSD; ' + REAL + ' default true' }),
    ...flags('options', ['workPhoneCallback', 'cellPhoneCallback', 'faxCallback', 'pagerCallback'], { source: REAL }),
    bool('isEnableCET', { attribute: 'optionsIsEnableCET', feature: 'cloudTelepresence', alwaysShown: false, default: undefined, confidence: 'unconfirmed', source: 'Okta attribute list', note: 'CET is confirmed only under privilege' }),
  ], { alwaysShown: true }),
  int('timeZoneID', { min: 0, max: TIME_ZONES.length - 1, rule: 'timeZoneId', default: -1, alwaysShown: true, attribute: 'timeZoneID', note: '-1 on create means the site zone' }),
  enm('timeZone', TIME_ZONES, { alwaysShown: true, attribute: 'timeZone', note: 'kept in step with timeZoneID' }),
  str('timeZoneWithDST', { access: G, derived: true, alwaysShown: true, attribute: 'timeZoneWithDST', source: 'XSD; real capture', note: 'derived from timeZoneID' }),
  container('tracking', Array.from({ length: 10 }, (_, i) => str(`trackingCode${i + 1}`, { ns: 'com', maxLength: 128, attribute: `trackingTrackingCode${i + 1}` })), { alwaysShown: true }),
  enm('service', ['FREE_OFFICE', 'STANDARD_OFFICE', 'PRO_OFFICE'], { default: 'FREE_OFFICE', alwaysShown: true, attribute: 'service' }),
  container('privilege', [
    bool('host', { default: true, attribute: 'privilegeHost' }),
    bool('teleConfCallOut', { attribute: 'privilegeTeleConfCallOut', ...gated('callBackTeleconferencing') }),
    bool('teleConfCallOutInternational', { attribute: 'privilegeTeleConfCallOutInternational', ...gated('intlCallBackTeleconferencing') }),
    bool('teleConfCallIn', { attribute: 'privilegeTeleConfCallIn', ...gated('callInTeleconferencing') }),
    bool('teleConfTollFreeCallIn', { attribute: 'privilegeTeleConfTollFreeCallIn', ...gated('tollFreeCallinTeleconferencing') }),
    bool('siteAdmin', { attribute: 'privilegeSiteAdmin' }),
    bool('voiceOverIp', { attribute: 'privilegeVoiceOverIp', ...gated('internetPhone') }),
    bool('roSiteAdmin', { attribute: 'privilegeRoSiteAdmin' }),
    bool('labAdmin', { attribute: 'privilegeLabAdmin', ...gated('handsOnLab') }),
    bool('otherTelephony', { default: true, attribute: 'privilegeOtherTelephony', ...gated('supportOtherTypeTeleconf') }),
    bool('teleConfCallInInternational', { attribute: 'privilegeTeleConfCallInInternational', ...gated('intlCallInTeleconferencing') }),
    bool('attendeeOnly', { attribute: 'privilegeAttendeeOnly' }),
    bool('recordingEditor', { default: true, attribute: 'privilegeRecordingEditor', source: 'XSD; ' + REAL + ' default true' }),
    bool('meetingAssist', { attribute: 'privilegeMeetingAssist' }),
    bool('HQvideo', { attribute: 'privilegeHQvideo', source: KAL + '; ' + REAL, ...gated('hqVideo') }),
    bool('allowExtAttendees', { default: true, attribute: 'privilegeAllowExtAttendees', source: KAL + '; ' + REAL + ' default true' }),
    bool('HDvideo', { attribute: 'privilegeHDvideo', source: KAL + '; ' + REAL, ...gated('hdVideo'), note: 'needs HQvideo' }),
    bool('isEnableCET', { attribute: 'privilegeIsEnableCET', source: REAL, ...gated('cloudTelepresence') }),
    bool('isEnablePMR', { attribute: 'privilegeIsEnablePMR', source: REAL, ...gated('personalMeetingRoom') }),
    bool('teleCLIAuthEnabled', { attribute: 'privilegeTeleCLIAuthEnabled', source: REAL, ...gated('teleCLIAuthEnabled') }),
    bool('teleCLIPINEnabled', { attribute: 'privilegeTeleCLIPINEnabled', source: REAL, ...gated('teleCLIPINEnabled') }),
  ], { alwaysShown: true }),
  enm('language', LANGUAGES, { default: 'ENGLISH', alwaysShown: true, attribute: 'language', rule: 'language', note: 'common.xsd languageType; case-insensitive' }),
  str('locale', { maxLength: 64, default: 'U.S.', alwaysShown: true, attribute: 'locale' }),
  str('schedulingPermission', { maxLength: 1024, attribute: 'schedulingPermission', note: 'webExIds separated by ";" (delimiter unconfirmed)' }),
  enm('active', ACTIVE_VALUES, { default: 'ACTIVATED', alwaysShown: true, attribute: 'active', base: true }),
  container('defaultCallIn', [], { alwaysShown: true }),
  container('tspAccount', [list('tspAccount', tspAccountItem, 3, { key: 'accountIndex', feature: 'tspTelephony' })]),
  container('supportedServices', flags('supportedServices', ['meetingCenter', 'trainingCenter', 'supportCenter', 'eventCenter', 'salesCenter']), { alwaysShown: true }),
  container('myWebEx', [
    ...flags('myWebEx', ['isMyWebExPro'], gated('myWebExPro')),
    ...flags('myWebEx', ['myContact', 'myProfile']),
    ...flags('myWebEx', ['myMeetings'], { default: true, source: 'XSD; ' + REAL + ' default true' }),
    ...flags('myWebEx', ['myFolders', 'trainingRecordings', 'recordedEvents']),
    int('totalStorageSize', { min: 0, default: 0, alwaysShown: true, attribute: 'myWebExTotalStorageSize' }),
    ...flags('myWebEx', ['myReports']),
    int('myComputer', { min: 0, default: 0, alwaysShown: true, attribute: 'myWebExMyComputer' }),
    ...flags('myWebEx', ['personalMeetingRoom', 'myPartnerLinks', 'myWorkspaces']),
    int('additionalRecordingStorage', { min: 0, default: 0, alwaysShown: true, attribute: 'myWebExAdditionalRecordingStorage', source: KAL + '; ' + REAL }),
  ], { alwaysShown: true }),
  container('personalTeleconf', [
    list('account', personalAccountItem, 3, { key: 'accountIndex' }),
    bool('joinBeforeHost', { source: 'developer.cisco.com SetUser; ' + REAL, note: 'the 2011 XSD has it only inside account' }),
  ], { alwaysShown: true }),
  container('videoSystems', [
    list('videoCallback', container('videoCallback', [str('systemName', { maxLength: 128 }), str('address', { maxLength: 256 }), leaf('defaultFlag', 'boolean')]), 10, { source: 'XML API 9.0 SP1 release notes' }),
  ], { alwaysShown: true }),
  container('thirdPartyTeleconf', [list('account', thirdPartyAccountItem, 3, { key: 'accountIndex', feature: 'supportOtherTypeTeleconf' })]),
  container('personalMeetingRoom', [
    str('welcomeMessage', { maxLength: 1024, attribute: 'personalMeetingRoomWelcomeMessage', ...gated('personalMeetingRoom') }),
    str('photoURL', { maxLength: 1024, attribute: 'personalMeetingRoomPhotoURL', ...gated('personalMeetingRoom') }),
    bool('headerImageBranding', { attribute: 'personalMeetingRoomHeaderImageBranding', alwaysShown: false, default: undefined, ...gated('pmrHeaderBranding') }),
    str('headerImageURL', { maxLength: 1024, attribute: 'personalMeetingRoomHeaderImageURL', ...gated('personalMeetingRoom') }),
    str('title', { access: G, derived: true, alwaysShown: true, source: REAL, note: '"{first} {last}\'s Personal Room"' }),
    str('personalMeetingRoomURL', { access: G, derived: true, alwaysShown: true, attribute: 'personalMeetingRoomURL', source: REAL, note: 'https://{site host}/meet/{personalUrl}' }),
    str('sipURL', { access: G, derived: true, alwaysShown: true, attribute: 'personalMeetingRoomSipURL', source: REAL, note: '{personalUrl}@{site host}' }),
    str('accessCode', { access: G, derived: true, alwaysShown: true, attribute: 'personalMeetingRoomAccessCode', source: REAL, note: '9 digits, generated' }),
    str('hostPIN', { rule: 'pin', maxLength: 8, alwaysShown: true, access: { create: 'no', set: true, get: true }, attribute: 'personalMeetingRoomHostPIN', confidence: 'unconfirmed', source: REAL + '; Webex REST PMR rules', note: 'generated 4 digits; writable by SetUser (unconfirmed)', ...gated('personalMeetingRoom') }),
    str('pilotNumber', { maxLength: 64, attribute: 'personalMeetingRoomPilotNumber', confidence: 'unconfirmed', source: 'Okta attribute list', ...gated('personalMeetingRoom') }),
    bool('applyPMRForInstantMeeting', { attribute: 'personalMeetingRoomApplyPMRForInstantMeeting', source: REAL, ...gated('personalMeetingRoom') }),
    bool('PMRAutoLock', { attribute: 'personalMeetingRoomPmrAutoLock', source: REAL, ...gated('personalMeetingRoom') }),
    int('PMRAutoLockWaitTime', { min: 0, max: 60, default: 0, alwaysShown: true, attribute: 'personalMeetingRoomPmrAutoLockWaitTime', source: REAL, confidence: 'unconfirmed', note: 'minutes; range unconfirmed', ...gated('personalMeetingRoom') }),
    container('PRNotifications', [enm('mode', ['EMAIL', 'NONE'], { default: 'EMAIL', alwaysShown: true, access: G, source: REAL })], { alwaysShown: true }),
  ], { alwaysShown: true }),
  container('sessionOptions', [
    int('defaultSessionType', { rule: 'sessionType', alwaysShown: true, attribute: 'sessionOptionsDefaultSessionType', note: 'defaults to the first meetingType' }),
    enm('defaultServiceType', SERVICE_TYPE_VALUES, { default: 'MeetingCenter', alwaysShown: true, attribute: 'sessionOptionsDefaultServiceType' }),
    bool('autoDeleteAfterMeetingEnd', { attribute: 'sessionOptionsAutoDeleteAfterMeetingEnd' }),
    bool('displayQuickStartHost', { default: true, attribute: 'sessionOptionsDisplayQuickStartHost' }),
    bool('displayQuickStartAttendees', { attribute: 'sessionOptionsDisplayQuickStartAttendees' }),
  ], { alwaysShown: true }),
  container('supportCenter', [
    container('orderTabs', [list('tab', enm('tab', ['Tools', 'Desktop', 'Application', 'Session']), 4)]),
    container('serviceDesk', [bool('enable')], { alwaysShown: true }),
  ], { alwaysShown: true }),
  str('mpProfileNumber', { maxLength: 64, attribute: 'mpProfileNumber' }),
  container('security', [
    ...flags('security', ['forceChangePassword'], { default: true, source: 'XSD; ' + REAL + ' default true' }),
    ...flags('security', ['resetPassword', 'lockAccount']),
  ], { alwaysShown: true }),
  int('languageID', { min: 1, max: LANGUAGES.length, default: 1, alwaysShown: true, attribute: 'languageID', note: 'kept in step with language (1 = ENGLISH, 9 = GERMAN)' }),
  container('webACDPrefs', [
    bool('isAgent', { attribute: 'webACDPrefsIsAgent', ...gated('webACD') }),
    bool('isMgr', { attribute: 'webACDPrefsIsMgr', ...gated('webACD') }),
    int('numAgentSessions', { min: 0, max: 99, default: 0, alwaysShown: true, attribute: 'webACDPrefsNumAgentSessions', ...gated('webACD') }),
    bool('agentMonitorAllRSQueues', { attribute: 'webACDPrefsAgentMonitorAllRSQueues', ...gated('webACD') }),
    bool('managerMonitorAllRSQueues', { attribute: 'webACDPrefsManagerMonitorAllRSQueues', ...gated('webACD') }),
    bool('monitorAllRSAgents', { attribute: 'webACDPrefsMonitorAllRSAgents', ...gated('webACD') }),
  ], { alwaysShown: true }),
  container('remoteSupport', [
    ...sharingAndRecording(),
    container('autoRequest', [leaf('enable', 'boolean'), enm('request', ['DESK_VIEW', 'DESK_CTRL', 'APP_VIEW', 'APP_CTRL'])]),
    container('defaultClient', [enm('type', ['MULTI_SESS', 'SINGLE_SESS']), enm('singleSessClient', ['NEW_CONSL', 'OLD_CONSL'])]),
  ]),
  container('remoteAccess', sharingAndRecording()),
  str('registrationDate', { access: G, derived: true, alwaysShown: true, source: 'XSD; real capture', note: 'MM/DD/YYYY HH:MM:SS' }),
  int('visitCount', { access: G, derived: true, default: 0, alwaysShown: true }),
  int('userId', { access: G, derived: true, alwaysShown: true }),
  container('eventCenter', [bool('optimizeAttendeeBandwidthUsage', { ...gated('eventCenterBandwidth'), source: REAL })], { alwaysShown: true }),
  bool('passwordExpires', { access: G, derived: true }),
  int('passwordDaysLeft', { access: G, derived: true, default: 0, alwaysShown: true }),
  bool('cmrHybridVoip', {
    attribute: 'cmrHybridVoip', confidence: 'unconfirmed', source: API_40_11,
    note: 'API 40.11.0: the user-level EnableCMRHybridVoIP setting (GetUser, CreateUser, SetUser). Position in GetUser not documented',
  }),
];

/**
 * What a Control Hub managed site does with SetUser of a field (FINDINGS-2026-12 §3.1): 'managed' = kept from
 * Control Hub, refused with 030077 (user-service overview: "cannot update user's Webex ID, password, email, name, or
 * telephone number", narrowed by API 41.11.0); 'ignored' = accepted and dropped (41.11.0: "The password element of
 * CreateUser and SetUser APIs will be ignored"). Email (and the webExId that follows it) may change since 41.11.0.
 */
export const CONTROL_HUB_FIELDS: Readonly<Record<string, 'managed' | 'ignored'>> = {
  firstName: 'managed', lastName: 'managed',
  'phones/phone': 'managed', 'phones/mobilePhone': 'managed', 'phones/fax': 'managed',
  'phones/phone2': 'managed', 'phones/mobilePhone2': 'managed', 'phones/pager': 'managed',
  password: 'ignored',
};

/** Elements a request may carry besides the user tree (SPEC §3.17); not stored. */
export const OPERATION_EXTRAS = {
  // isHTMLEmail: API 40.4.3 (welcome email as HTML, FINDINGS-2026-12 §3.2); accepted, not stored.
  CreateUser: ['salesCenter', 'syncWebOffice', 'sendWelcome', 'validateFormat', 'isHTMLEmail'],
  SetUser: ['salesCenter', 'newWebExId', 'syncWebOffice', 'validateFormat'],
} as const;
