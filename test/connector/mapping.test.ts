import { XMLParser } from 'fast-xml-parser';
import { ATTRIBUTES, attributeByName, attributeForField } from '../../connector/mapping/attributes';
import { profileFromUser, profileToElements, validateProfile } from '../../connector/mapping/profile';
import { buildRequest, redactRequest, type XmlElement } from '../../connector/xml/request';
import { parseResponse } from '../../connector/xml/response';
import { ConnectorError } from '../../connector/errors/connector-error';
import { getUserBody, success } from './helpers/webex-xml';

/** SPEC §4 flat names, copied from the spec by hand (base "primary phone" / "mobile phone" = phonesPhone / phonesMobilePhone). */
const SPEC_NAMES = `webExId firstName lastName email password active tspAccountTollFreeCallInNumber tspAccountAccountIndex
tspAccountTollCallInNumber tspAccountSubscriberAccessCode tspAccountParticipantAccessCode tspAccountCreateOnBridge tspAccountDefaultFlag
tspAccountCustom1 tspAccountCustom2 tspAccountCustom3 tspAccountTollFreeCallInData tspAccountTollCallInData tspAccountNbrDialOut title
categoryId description officeGreeting company addressAddressType addressAddress1 addressAddress2 addressZipCode phonesPhone phonesPhone2
phonesMobilePhone phonesMobilePhone2 phonesPager phonesFax email2 officeurl passwordHint passwordHintAnswer personalUrl expirationDate
commOptionsProdAnnounce commOptionsTrainingInfo commOptionsElectronicInfo commOptionsPromos commOptionsPress commOptionsEmail commOptionsFax
commOptionsPhone commOptionsMail optionsFirstNameVisible optionsLastNameVisible optionsAddressVisible optionsWorkPhoneVisible
optionsCellPhoneVisible optionsPagerVisible optionsFaxVisible optionsOfficeUrlVisible optionsPictureVisible optionsNotifyOnNewMessage
optionsNotifyOnMeeting optionsFollowMeEnable optionsEmailVisible optionsListInCategory optionsTitleVisible optionsFolderRead
optionsFolderWrite optionsMessageVisible optionsIconSelect1 optionsIconSelect2 optionsAcceptLinkRequest optionsHoldOnLinkRequest
optionsNotifyOnLinkRequest optionsSupportVideo optionsSupportApp optionsSupportFileShare optionsSupportDesktopShare
optionsSupportMeetingRecord optionsSupportAppshareRemote optionsSupportWebTourRemote optionsSupportDesktopShareRemote
optionsSubscriptionOffice optionsIsEnableCET optionsWorkPhoneCallback optionsCellPhoneCallback optionsFaxCallback optionsPagerCallback
timeZoneID timeZone timeZoneWithDST trackingTrackingCode1 trackingTrackingCode2 trackingTrackingCode3 trackingTrackingCode4
trackingTrackingCode5 trackingTrackingCode6 trackingTrackingCode7 trackingTrackingCode8 trackingTrackingCode9 trackingTrackingCode10
service privilegeHost privilegeTeleConfCallOut privilegeTeleConfCallOutInternational privilegeTeleConfCallIn privilegeTeleConfTollFreeCallIn
privilegeSiteAdmin privilegeVoiceOverIp privilegeRoSiteAdmin privilegeLabAdmin privilegeOtherTelephony privilegeTeleConfCallInInternational
privilegeAttendeeOnly privilegeRecordingEditor privilegeMeetingAssist privilegeHQvideo privilegeAllowExtAttendees privilegeHDvideo
privilegeIsEnableCET privilegeIsEnablePMR privilegeTeleCLIAuthEnabled privilegeTeleCLIPINEnabled language locale schedulingPermission
supportedServicesMeetingCenter supportedServicesTrainingCenter supportedServicesSupportCenter supportedServicesEventCenter
supportedServicesSalesCenter myWebExIsMyWebExPro myWebExMyContact myWebExMyProfile myWebExMyMeetings myWebExMyFolders
myWebExTrainingRecordings myWebExRecordedEvents myWebExMyReports myWebExPersonalMeetingRoom myWebExMyPartnerLinks myWebExMyWorkspaces
myWebExTotalStorageSize myWebExMyComputer myWebExAdditionalRecordingStorage personalMeetingRoomWelcomeMessage personalMeetingRoomPhotoURL
personalMeetingRoomHeaderImageBranding personalMeetingRoomHeaderImageURL personalMeetingRoomURL personalMeetingRoomSipURL
personalMeetingRoomAccessCode personalMeetingRoomHostPIN personalMeetingRoomPilotNumber personalMeetingRoomApplyPMRForInstantMeeting
personalMeetingRoomPmrAutoLock personalMeetingRoomPmrAutoLockWaitTime sessionOptionsDefaultSessionType sessionOptionsDefaultServiceType
sessionOptionsAutoDeleteAfterMeetingEnd sessionOptionsDisplayQuickStartHost sessionOptionsDisplayQuickStartAttendees mpProfileNumber
securityForceChangePassword securityResetPassword securityLockAccount languageID webACDPrefsNumAgentSessions
webACDPrefsAgentMonitorAllRSQueues webACDPrefsManagerMonitorAllRSQueues webACDPrefsMonitorAllRSAgents webACDPrefsIsAgent webACDPrefsIsMgr`
  .split(/\s+/);

const paths = (els: XmlElement[], prefix = ''): string[] =>
  els.flatMap((e) => (e.children ? paths(e.children, `${prefix}${e.name}/`) : [`${prefix}${e.name}=${e.text}`]));

describe('attribute table', () => {
  it('covers every SPEC §4 attribute, each name once', () => {
    const names = ATTRIBUTES.map((a) => a.name);
    expect(new Set(names).size).toBe(names.length);
    expect(SPEC_NAMES.filter((n) => !names.includes(n))).toEqual([]);
    expect(SPEC_NAMES.length).toBeGreaterThanOrEqual(171);
  });

  it('maps the names whose XML element differs from the flat name', () => {
    expect(attributeByName('personalMeetingRoomPmrAutoLock')!.path).toEqual(['personalMeetingRoom', 'PMRAutoLock']);
    expect(attributeByName('personalMeetingRoomURL')!.path).toEqual(['personalMeetingRoom', 'personalMeetingRoomURL']);
    expect(attributeByName('privilegeHQvideo')!.path).toEqual(['privilege', 'HQvideo']);
    expect(attributeByName('tspAccountNbrDialOut')!.path).toEqual(['tspAccount', 'tspAccount', 'nbrDialOut']);
    expect(attributeByName('phonesPhone')!.ns).toEqual(['use', 'com']);
    expect(attributeByName('phonesPager')!.ns).toEqual(['use', 'use']);
    expect(attributeByName('trackingTrackingCode7')!.ns).toEqual(['use', 'com']);
  });

  it('resolves field names from reasons: flat name, path, or unique leaf', () => {
    expect(attributeForField('timeZoneID')!.name).toBe('timeZoneID');
    expect(attributeForField('privilege/HDvideo')!.name).toBe('privilegeHDvideo');
    expect(attributeForField('numAgentSessions')!.name).toBe('webACDPrefsNumAgentSessions');
    expect(attributeForField('email')!.name).toBe('email');
  });
});

describe('profile validation', () => {
  const localFailure = (fn: () => unknown) => {
    try { fn(); } catch (e) { return e as ConnectorError; }
    throw new Error('expected a ConnectorError');
  };

  it('rejects unknown names, with a hint for a wrong case', () => {
    const error = localFailure(() => validateProfile({ webExId: 'a', firstname: 'x', bogus: 1 }));
    expect(error.errorClass).toBe('invalidValue');
    expect(error.origin).toBe('local');
    expect(error.message).toMatch(/firstname, bogus/);
    expect(error.message).toMatch(/did you mean firstName/);
  });

  it('types values: booleans from TRUE/"false", integers from strings, enums case-insensitively, lists', () => {
    expect(validateProfile({ privilegeHost: 'TRUE', commOptionsFax: 'false', optionsEmailVisible: true, timeZoneID: '4',
      active: 'deactivated', meetingTypes: '214, 216' })).toEqual({
      privilegeHost: true, commOptionsFax: false, optionsEmailVisible: true, timeZoneID: 4, active: 'DEACTIVATED', meetingTypes: [214, 216],
    });
    expect(localFailure(() => validateProfile({ privilegeHost: 'yes' })).attribute).toBe('privilegeHost');
    expect(localFailure(() => validateProfile({ timeZoneID: 'four' })).message).toMatch(/integer/);
    expect(localFailure(() => validateProfile({ service: 'GOLD' })).message).toMatch(/FREE_OFFICE/);
  });

  it('checks lengths and formats unless lenient; personalUrl failures have their own class', () => {
    expect(localFailure(() => validateProfile({ personalUrl: 'has space' })).errorClass).toBe('invalidPersonalUrl');
    expect(localFailure(() => validateProfile({ personalUrl: 'a'.repeat(65) })).errorClass).toBe('invalidPersonalUrl');
    expect(validateProfile({ personalUrl: 'jane.doe_1-x' })).toEqual({ personalUrl: 'jane.doe_1-x' });
    expect(localFailure(() => validateProfile({ password: 'p'.repeat(61) })).attribute).toBe('password');
    expect(localFailure(() => validateProfile({ expirationDate: '2049-12-31' })).message).toMatch(/MM\/DD\/YYYY/);
    expect(validateProfile({ personalUrl: 'has space' }, { strict: false })).toEqual({ personalUrl: 'has space' });
  });

  it('needs tspAccountAccountIndex with any other tspAccount attribute', () => {
    expect(localFailure(() => validateProfile({ tspAccountCustom1: 'x' })).attribute).toBe('tspAccountAccountIndex');
    expect(validateProfile({ tspAccountCustom1: 'x', tspAccountAccountIndex: 2 })).toEqual({ tspAccountCustom1: 'x', tspAccountAccountIndex: 2 });
  });

  it('rejects control characters XML cannot carry', () => {
    expect(localFailure(() => validateProfile({ firstName: 'a\u0001b' })).attribute).toBe('firstName');
  });
});

describe('profile → XML', () => {
  it('orders elements by the XSD sequence whatever the profile order, and writes booleans lower-case', () => {
    const els = profileToElements(validateProfile({
      active: 'ACTIVATED', privilegeHQvideo: 'TRUE', privilegeHost: true, phonesMobilePhone: '1,408,5550101', email: 'j@x.com',
      phonesPhone: '1,408,5550100', webExId: 'jdoe', firstName: 'Jane', addressCity: 'Paris', addressAddressType: 'PERSONAL',
    }));
    expect(els.map((e) => e.name)).toEqual(['firstName', 'webExId', 'address', 'phones', 'email', 'privilege', 'active']);
    expect(paths(els)).toEqual([
      'firstName=Jane', 'webExId=jdoe', 'address/addressType=PERSONAL', 'address/city=Paris',
      'phones/phone=1,408,5550100', 'phones/mobilePhone=1,408,5550101', 'email=j@x.com',
      'privilege/host=true', 'privilege/HQvideo=true', 'active=ACTIVATED',
    ]);
    expect(els.find((e) => e.name === 'phones')!.children!.map((c) => c.ns)).toEqual(['com', 'com']);
  });

  it('repeats meetingType and nests tspAccount/tspAccount', () => {
    const els = profileToElements(validateProfile({ meetingTypes: [214, 216], tspAccountCustom1: 'c', tspAccountAccountIndex: 2 }));
    expect(paths(els)).toEqual(['meetingTypes/meetingType=214', 'meetingTypes/meetingType=216',
      'tspAccount/tspAccount/accountIndex=2', 'tspAccount/tspAccount/custom1=c']);
  });

  it('escapes text and declares xmlns:xsi with the Java xsi:type', () => {
    const nasty = `O'Brien & <Sons> "Ltd"`;
    const xml = buildRequest(
      { siteName: 'acme', credentials: { webExId: 'admin', password: 'S3cr&t<' } },
      { javaType: 'com.webex.service.binding.user.CreateUser', body: profileToElements({ webExId: 'x', company: nasty }) },
    );
    expect(xml).toContain('xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"');
    expect(xml).toContain('xsi:type="java:com.webex.service.binding.user.CreateUser"');
    expect(xml).not.toContain(nasty);
    const doc = new XMLParser({ removeNSPrefix: true, parseTagValue: false }).parse(xml);
    expect(doc.message.body.bodyContent.company).toBe(nasty);
    expect(doc.message.header.securityContext.password).toBe('S3cr&t<');
    expect(redactRequest(xml)).not.toContain('S3cr');
  });

  it('qualified style prefixes use:/com: and declares the namespaces', () => {
    const xml = buildRequest(
      { siteName: 'acme', credentials: { webExId: 'admin', accessToken: 'tok' } },
      { javaType: 'com.webex.service.binding.user.SetUser', body: profileToElements({ webExId: 'x', phonesPhone: '1' }) },
      'qualified',
    );
    expect(xml).toContain('<use:phones><com:phone>1</com:phone></use:phones>');
    expect(xml).toContain('xmlns:com="http://www.webex.com/schemas/2002/06/common"');
    expect(xml).toContain('<webExAccessToken>tok</webExAccessToken>');
  });
});

describe('XML → profile', () => {
  it('reads a GetUser like the real capture: TRUE/true booleans, lists, the default-or-first TSP account, no password', () => {
    const res = parseResponse(success('getUserResponse', getUserBody({ webExId: 'jdoe', email: 'j@x.com', siteAdmin: true })));
    const profile = profileFromUser(res.body);
    expect(profile).toMatchObject({
      webExId: 'jdoe', email: 'j@x.com', categoryId: 36, commOptionsProdAnnounce: true, commOptionsMail: true,
      meetingTypes: [214, 216], privilegeSiteAdmin: true, privilegeHQvideo: true, timeZoneID: 4, addressAddressType: 'PERSONAL',
      phonesPhone: '1,408,5550100', tspAccountAccountIndex: 1, tspAccountCustom1: 'one', tspAccountDefaultFlag: false,
      personalMeetingRoomPmrAutoLock: false, personalMeetingRoomURL: 'https://acme.webex.com/meet/pr1454974599154',
    });
    expect(profile).not.toHaveProperty('password');
    expect(profile.trackingTrackingCode1).toBeUndefined();
  });
});
