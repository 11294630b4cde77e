/**
 * GetSite's `siteInstance` as a real site answers it: every block and child in the order of the real capture
 * (FINDINGS-2026-12 §2 GetSite; the Control Hub web app's test fixture `isAdminReportEnabledXml`, a GetSite SUCCESS
 * of train T31L, read in the code index), with the captured values as defaults. What the emulator knows about a
 * site (features, session types, password policy, host limit, SSO) replaces those defaults at render time
 * (operations/site-service.ts); feature switches sit where catalog/features.ts `getSitePath` says, which is where
 * the capture has them.
 *
 * Deliberate deviations, each explained in docs/real-api.md: values that would describe Cisco's QA systems (a
 * teleconference server address, a subscribe name and password, a media host name) are emptied; `metaData` also
 * carries `accountNumLimit` / `activeUserCount`, which the site XSD defines after `componentVersion` and the capture
 * omits (connectors read the host licences from them).
 */

/** A captured element: text, children, or a repeated run rendered from the site (`slot`). */
export type SiteNode =
  | { name: string; text: string }
  | { name: string; children: readonly SiteNode[] }
  | { slot: 'serviceTypes' | 'meetingTypes' | 'hostCounters' };

/** `ns1:` unless the name carries its own prefix (the capture's personalTeleconf servers use `serv:`). */
const t = (name: string, text: string): SiteNode => ({ name, text });
const c = (name: string, ...children: SiteNode[]): SiteNode => ({ name, children });
const flags = (value: string, ...names: string[]): SiteNode[] => names.map((n) => t(n, value));

const server = (name: string, toll: string, tollFree: string, enabled: string, backup = false): SiteNode => c(name,
  t('serv:tollNum', toll), t('serv:tollFreeNum', tollFree), t('serv:enableServer', enabled),
  t('serv:tollLabel', `${backup ? 'Backup call-in' : 'Call-in'} toll number (US/Canada)`),
  t('serv:tollFreeLabel', `${backup ? 'Backup call-in' : 'Call-in'} toll-free number (US/Canada)`));

const adaptor = (name: string): SiteNode => c(name, t('enableAdaptor', 'false'), t('serverIP', ''),
  c('mpAudio', t('label', 'Call-in numbernull')), c('mpAudio', t('label', 'Call-in toll-free numbernull')));

const target = (name: string, ...extra: SiteNode[]): SiteNode => c(name, ...extra, t('target', 'NEW'));
const button = (order: number, service: string, enabled?: string): SiteNode =>
  c('button', t('order', String(order)), ...(enabled === undefined ? [] : [t('enabled', enabled)]), t('serviceName', service));
const center = (name: string, page: string, ...extra: SiteNode[]): SiteNode =>
  c(name, t('enabled', 'true'), t('pageVersion', page), t('clientVersion', 'T31L'), ...extra);

/** The 27 blocks of the capture, in its order. */
export const SITE_INSTANCE: readonly SiteNode[] = [
  c('metaData',
    t('isEnterprise', 'true'),
    { slot: 'serviceTypes' }, { slot: 'meetingTypes' },
    t('siteName', ''), t('brandName', ''), t('region', 'U.S.'), t('currency', 'US Dollars'),
    t('timeZoneID', '4'), t('timeZone', 'GMT-08:00, Pacific (San Jose)'),
    t('parterID', ''), // sic: the real element (and the XSD) misspell partnerID
    t('webDomain', ''), t('meetingDomain', ''), t('telephonyDomain', ''),
    t('pageVersion', 'T31L'), t('clientVersion', 'T31L'), t('pageLanguage', 'ENGLISH'), t('activateStatus', 'true'),
    t('webPageType', 'J2EE'), t('iCalendar', 'true'), t('myWebExDefaultPage', 'My Meetings'), t('componentVersion', 'cmp3100'),
    { slot: 'hostCounters' },
    t('displayMeetingActualTime', 'false'), t('displayOffset', 'true'), t('supportWebEx11', 'false')),
  c('ucf', t('ucfConfiguration', 'No UCF')),
  c('clientPlatforms', ...flags('true', 'msWindows', 'macOS9', 'macOSX'), t('sunSolaris', 'false'), t('linux', 'true'),
    t('hpUnix', 'false'), t('java', 'true'), t('palm', 'false')),
  c('resourceRestrictions', t('isLicenseManager', 'true'), t('concurrentLicense', '0'), t('fileFolderCapacity', '1000'),
    t('maxConcurrentEvents', '0'), t('archiveStorageLimit', '0')),
  c('supportAPI', t('autoLogin', 'true'), t('aspAndPHPAPI', 'true'), t('backwardAPI', 'false'), t('xmlAPI', 'true'),
    t('cAPI', 'false'), t('scorm', 'false')),
  c('myWebExConfig',
    ...flags('false', 'myContacts', 'myProfile', 'myMeetings', 'trainingRecordings', 'folders', 'eventDocument', 'myReport',
      'myComputer', 'personalMeetingPage'),
    t('myFilesStorage', '0'), t('myComputerNumbers', '0'), t('enableMyWebExPro', 'true'), t('myWebExProMaxHosts', '999999'),
    t('restrictAccessAnyApps', 'false'), t('restrictAccessAnyAppsNum', '0'), t('addlAccessAnyComputersLimit', 'STRICT'),
    t('addlAccessAnyComputers', '0'), t('addlStorageLimit', 'STRICT'), t('addlStorage', '0'),
    ...flags('true', 'myContactsPro', 'myProfilePro', 'myMeetingsPro', 'trainingRecordingsPro', 'foldersPro', 'eventDocumentPro', 'myReportPro'),
    t('myComputerPro', 'false'), t('personalMeetingPagePro', 'true'), t('myFilesStoragePro', '1000'), t('myComputerNumbersPro', '0'),
    t('PMRheaderBranding', 'false')),
  c('telephonyConfig',
    t('isTSPUsingTelephonyAPI', 'false'), t('serviceName', 'Personal Conference No.'),
    t('participantAccessCodeLabel', 'Attendee access code'), t('subscriberAccessCodeLabel', 'Host access code'),
    t('attendeeIDLabel', 'Attendee ID'), t('internetPhone', 'true'), t('supportCallInTypeTeleconf', 'true'),
    ...flags('true', 'callInTeleconferencing', 'tollFreeCallinTeleconferencing', 'intlCallInTeleconferencing', 'callBackTeleconferencing'),
    t('callInNumber', '1'), t('defaultTeleServerSubject', ''), t('subscribeName', ''), t('subscribePassword', ''),
    t('defaultPhoneLines', '10'), t('defaultSpeakingLines', '10'), t('majorCountryCode', '1'), t('majorAreaCode', '408'),
    t('publicName', 'Call-in User'), t('hybridTeleconference', 'true'), t('instantHelp', 'false'), t('customerManage', 'false'),
    t('maxCallersNumber', '500'), t('isSpecified', 'false'), t('isContinue', 'false'), t('intlCallBackTeleconferencing', 'true'),
    c('personalTeleconf',
      server('primaryLargeServer', '', '', 'true'), server('backup1LargeServer', ' ', ' ', 'false'),
      server('backup2LargeServer', ' ', ' ', 'false', true), server('primarySmallServer', ' ', ' ', 'false'),
      server('backup1SmallServer', ' ', ' ', 'false'), server('backup2SmallServer', ' ', ' ', 'false', true),
      t('joinBeforeHost', 'false')),
    t('multiMediaPlatform', 'true'), t('multiMediaHostName', ''), t('broadcastAudioStream', 'true'),
    c('tspAdaptorSettings', adaptor('primaryLarge'), adaptor('backup1Large'), adaptor('backup2Large')),
    c('meetingPlace', t('persistentTSP', 'false'), t('mpAudioConferencing', 'WithoutIntegration')),
    t('supportOtherTypeTeleconf', 'true'), t('otherTeleServiceName', 'Other teleconference service'),
    t('supportAdapterlessTSP', 'false'), t('displayAttendeeID', 'false'), t('provisionTeleAccount', 'true'), t('choosePCN', 'false'),
    t('audioOnly', 'true'), t('configTollAndTollFreeNum', 'true'), t('configPrimaryTS', 'false'),
    t('teleCLIAuthEnabled', 'true'), t('teleCLIPINEnabled', 'false')),
  c('commerceAndReporting', t('trackingCode', 'false'), t('siteAdminReport', 'true'), t('subScriptionService', 'false'),
    t('isECommmerce', 'false'), t('customereCommerce', 'false'), t('isLocalTax', 'false'), t('localTaxName', 'VAT'),
    t('localTaxtRate', '0.0'), t('holReport', '0')), // sic: isECommmerce, customereCommerce, localTaxtRate as captured
  c('tools', t('businessDirectory', 'false'), t('officeCalendar', 'false'), t('meetingCalendar', 'true'),
    t('displayOnCallAssistLink', 'false'), t('displayProfileLink', 'true'), t('recordingAndPlayback', 'true'),
    t('recordingEditor', 'true'), t('publishRecordings', 'false'), t('instantMeeting', 'true'), t('emails', 'false'),
    t('outlookIntegration', 'true'), t('wirelessAccess', 'true'), t('allowPublicAccess', 'true'), t('ssl', 'true'),
    t('handsOnLab', 'true'), t('holMaxLabs', '999999'), t('holMaxComputers', '999999'), t('userLockDown', 'false'),
    t('meetingAssist', 'false'), t('sms', 'false'), t('encryption', 'NONE'), t('internalMeeting', 'false'),
    t('enableTP', 'false'), t('enableTPplus', 'false')),
  c('custCommunications',
    c('displayType', ...flags('false', 'prodSvcAnnounce', 'trainingInfo', 'eNewsletters', 'promotionsOffers', 'pressReleases')),
    c('displayMethod', ...flags('false', 'email', 'fax', 'phone', 'mail'))),
  c('trackingCodes'),
  c('supportedServices',
    center('meetingCenter', 'mc3100'), center('trainingCenter', 'tc3100'),
    center('supportCenter', 'sc3100', t('webACD', 'true')),
    center('eventCenter', 'ec3100', t('marketingAddOn', 'true'), t('optimizeAttendeeBandwidthUsage', 'false')),
    center('salesCenter', 'sac3100')),
  c('securityOptions', t('passwordExpires', 'false'), t('passwordLifetime', '0'), t('allMeetingsUnlisted', 'false'),
    t('allMeetingsPassword', 'true'), t('joinBeforeHost', 'false'), t('audioBeforeHost', 'true'), t('changePersonalURL', 'true'),
    t('changeUserName', 'false'), c('meetings', t('strictPasswords', 'true')), t('strictUserPassword', 'true'),
    t('accountNotify', 'false'), t('requireLoginBeforeSiteAccess', 'false'), t('changePWDWhenAutoLogin', 'false'),
    t('enforceBaseline', 'true'), t('passwordChangeIntervalOpt', 'false'), t('passwordChangeInterval', '24'),
    t('firstAttendeeAsPresenter', 'false'), t('isEnableUUIDLink', 'true'), t('isEnableUUIDLinkForSAC', 'false')),
  c('defaults', t('emailReminders', 'true'), t('entryExitTone', 'BEEP'), t('voip', 'true'),
    c('teleconference', t('telephonySupport', 'CALLIN'), t('tollFree', 'true'), t('intlLocalCallIn', 'true')),
    t('joinTeleconfNotPress1', 'false'), t('updateTSPAccount', 'false')),
  c('scheduleMeetingOptions', t('scheduleOnBehalf', 'true'), t('saveSessionTemplate', 'true')),
  c('navBarTop', button(1, 'Welcome'), button(2, 'Meeting Center', 'true'), button(3, 'Event Center', 'true'),
    button(4, 'Sales Center', 'false'), button(5, 'Support Center', 'true'), button(6, 'Training Center', 'true'),
    button(7, 'Site Administration'), button(8, 'Presentation Studio', 'false'), t('displayDisabledService', 'false')),
  c('navMyWebEx',
    c('customLinks', target('customLink'), target('customLink'), target('customLink')),
    c('partnerLinks', target('partnerLink'), target('partnerLink'), target('partnerLink')),
    t('partnerIntegration', 'true'), target('support'), target('training')),
  c('navAllServices',
    c('customLinks', target('customLink'), target('customLink'), target('customLink')),
    target('support', t('name', 'Support')), target('training', t('name', 'Training')),
    c('supportMenu', target('userGuides'), target('downloads'), target('training'), target('contactUs'), t('supportMyResources', 'true'))),
  c('passwordCriteria', t('mixedCase', 'false'), t('minLength', '4'), t('minAlpha', '0'), t('minNumeric', '0'), t('minSpecial', '0'),
    t('disallowWebTextSessions', 'true'), t('disallowWebTextAccounts', 'true'), t('disallowList', 'true'),
    t('disallowValue', 'password'), t('disallowValue', 'passwd'), t('disallowValue', 'pass')),
  c('accountPasswordCriteria', t('mixedCase', 'true'), t('minLength', '8'), t('minNumeric', '1'), t('minAlpha', '2'), t('minSpecial', '0'),
    t('disallow3XRepeatedChar', 'false'), t('disallowWebTextAccounts', 'true'), t('disallowList', 'true'),
    ...['password', 'passwd', 'pass', 'webex', 'cisco', 'xebew', 'ocsic'].map((v) => t('disallowValue', v))),
  c('productivityTools', t('enable', 'true'), c('installOpts', t('autoUpdate', 'false')),
    c('integrations', t('outlook', 'true'), t('outlookForMac', 'true'),
      ...flags('false', 'lotusNotes', 'oneClick', 'showSysTrayIcon', 'office', 'excel', 'powerPoint', 'word', 'IE', 'firefox',
        'explorerRightClick', 'instantMessenger', 'aolMessenger', 'googleTalk', 'lotusSametime', 'skype', 'windowsMessenger',
        'yahooMessenger', 'ciscoIPPhone', 'pcNow', 'iGoogle', 'iPhoneDusting')),
    c('oneClick', t('allowJoinUnlistMeeting', 'true'), t('requireApproveJoin', 'false')),
    c('templates', t('useTemplate', 'false')), c('lockDownPT', t('lockDown', 'false')),
    c('imSettings', t('attendeeInviteOther', 'false'))),
  c('meetingPlace'),
  c('salesCenter', t('allowJoinWithoutLogin', 'false')),
  c('connectIntegration', t('integratedWebEx11', 'false')),
  c('video', t('HQvideo', 'true'), t('maxBandwidth', 'LOW'), t('HDvideo', 'false')),
  c('siteCommonOptions', t('SupportCustomDialRestriction', 'false'), t('SupportTelePresence', 'false'),
    t('SupportTelePresencePlus', 'false'), t('EnableCloudTelepresence', 'false'), t('enablePersonalMeetingRoom', 'true')),
  c('samlSSO', t('enableSSO', 'false'), t('autoAccountCreation', 'false')),
];

/** The root of GetSite answers as captured: serv, com, ns1 (site) and event. */
export const GET_SITE_ROOT_PREFIXES = ['serv', 'com', 'ns1', 'event'] as const;
