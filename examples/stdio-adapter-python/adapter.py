#!/usr/bin/env python3
"""
A small Webex Meetings provisioning connector in Python (standard library only: urllib + xml.etree), speaking
the webex-conformance JSON-lines adapter protocol on stdin/stdout:

    webex-conformance run --adapter-cmd "python3 examples/stdio-adapter-python/adapter.py"

Each stdin line is {"id", "op", "args"}; each answer is {"id", "ok": true, "result"} or
{"id", "ok": false, "error": {"class", "message", "attribute"?, "sessionType"?}}. Logs go to stderr.
It maps the flat attribute names of SPEC section 4 to the XML user tree, classifies every Webex failure, retries
transient ones with bounded backoff (honouring Retry-After), and checks with GetUser before re-sending a
CreateUser whose answer was lost, so a user is never created twice. Answers are read in the charset their
Content-Type names (else the XML declaration's); one with a DOCTYPE is refused.
"""
import email.utils
import http.client
import json
import re
import socket
import sys
import time
import urllib.error
import urllib.request
import xml.etree.ElementTree as ET
from xml.sax.saxutils import escape

USER_BINDING = "java:com.webex.service.binding.user."
SITE_BINDING = "java:com.webex.service.binding.site."
MAX_ATTEMPTS = 4
PAGE_SIZE = 200

# Flat attribute name, XML path under bodyContent, type (s string, b boolean, i integer, il list of integers),
# site feature that gates it, access ("" create+update, "upd" update only, "ro" read only). SPEC section 4.
ATTRIBUTES = [
    ("firstName", "firstName", "s", "", ""),
    ("lastName", "lastName", "s", "", ""),
    ("displayName", "displayName", "s", "", ""),  # XML API 40.11
    ("title", "title", "s", "", ""),
    ("categoryId", "categoryId", "i", "", ""),
    ("description", "description", "s", "", ""),
    ("officeGreeting", "officeGreeting", "s", "", ""),
    ("company", "company", "s", "", ""),
    ("webExId", "webExId", "s", "", ""),
    ("addressAddressType", "address/addressType", "s", "", ""),
    ("addressAddress1", "address/address1", "s", "", ""),
    ("addressAddress2", "address/address2", "s", "", ""),
    ("addressZipCode", "address/zipCode", "s", "", ""),
    ("phonesPhone", "phones/phone", "s", "", ""),
    ("phonesMobilePhone", "phones/mobilePhone", "s", "", ""),
    ("phonesFax", "phones/fax", "s", "", ""),
    ("phonesPhone2", "phones/phone2", "s", "", ""),
    ("phonesMobilePhone2", "phones/mobilePhone2", "s", "", ""),
    ("phonesPager", "phones/pager", "s", "", ""),
    ("email", "email", "s", "", ""),
    ("email2", "email2", "s", "", ""),
    ("officeurl", "officeurl", "s", "", ""),
    ("password", "password", "s", "", ""),
    ("passwordHint", "passwordHint", "s", "", ""),
    ("passwordHintAnswer", "passwordHintAnswer", "s", "", ""),
    ("personalUrl", "personalUrl", "s", "", "upd"),
    ("expirationDate", "expirationDate", "s", "", ""),
    ("commOptionsProdAnnounce", "commOptions/prodAnnounce", "b", "", ""),
    ("commOptionsTrainingInfo", "commOptions/trainingInfo", "b", "", ""),
    ("commOptionsElectronicInfo", "commOptions/electronicInfo", "b", "", ""),
    ("commOptionsPromos", "commOptions/promos", "b", "", ""),
    ("commOptionsPress", "commOptions/press", "b", "", ""),
    ("commOptionsEmail", "commOptions/email", "b", "", ""),
    ("commOptionsFax", "commOptions/fax", "b", "", ""),
    ("commOptionsPhone", "commOptions/phone", "b", "", ""),
    ("commOptionsMail", "commOptions/mail", "b", "", ""),
    ("optionsFirstNameVisible", "options/firstNameVisible", "b", "", ""),
    ("optionsLastNameVisible", "options/lastNameVisible", "b", "", ""),
    ("optionsAddressVisible", "options/addressVisible", "b", "", ""),
    ("optionsWorkPhoneVisible", "options/workPhoneVisible", "b", "", ""),
    ("optionsCellPhoneVisible", "options/cellPhoneVisible", "b", "", ""),
    ("optionsPagerVisible", "options/pagerVisible", "b", "", ""),
    ("optionsFaxVisible", "options/faxVisible", "b", "", ""),
    ("optionsOfficeUrlVisible", "options/officeUrlVisible", "b", "", ""),
    ("optionsPictureVisible", "options/pictureVisible", "b", "", ""),
    ("optionsNotifyOnNewMessage", "options/notifyOnNewMessage", "b", "", ""),
    ("optionsNotifyOnMeeting", "options/notifyOnMeeting", "b", "", ""),
    ("optionsFollowMeEnable", "options/followMeEnable", "b", "", ""),
    ("optionsEmailVisible", "options/emailVisible", "b", "", ""),
    ("optionsListInCategory", "options/listInCategory", "b", "", ""),
    ("optionsTitleVisible", "options/titleVisible", "b", "", ""),
    ("optionsFolderRead", "options/folderRead", "b", "", ""),
    ("optionsFolderWrite", "options/folderWrite", "b", "", ""),
    ("optionsMessageVisible", "options/messageVisible", "b", "", ""),
    ("optionsIconSelect1", "options/iconSelect1", "b", "", ""),
    ("optionsIconSelect2", "options/iconSelect2", "b", "", ""),
    ("optionsAcceptLinkRequest", "options/acceptLinkRequest", "b", "", ""),
    ("optionsHoldOnLinkRequest", "options/holdOnLinkRequest", "b", "", ""),
    ("optionsNotifyOnLinkRequest", "options/notifyOnLinkRequest", "b", "", ""),
    ("optionsSupportVideo", "options/supportVideo", "b", "", ""),
    ("optionsSupportApp", "options/supportApp", "b", "", ""),
    ("optionsSupportFileShare", "options/supportFileShare", "b", "", ""),
    ("optionsSupportDesktopShare", "options/supportDesktopShare", "b", "", ""),
    ("optionsSupportMeetingRecord", "options/supportMeetingRecord", "b", "", ""),
    ("optionsSupportAppshareRemote", "options/supportAppshareRemote", "b", "", ""),
    ("optionsSupportWebTourRemote", "options/supportWebTourRemote", "b", "", ""),
    ("optionsSupportDesktopShareRemote", "options/supportDesktopShareRemote", "b", "", ""),
    ("optionsSubscriptionOffice", "options/subscriptionOffice", "b", "", ""),
    ("optionsWorkPhoneCallback", "options/workPhoneCallback", "b", "", ""),
    ("optionsCellPhoneCallback", "options/cellPhoneCallback", "b", "", ""),
    ("optionsFaxCallback", "options/faxCallback", "b", "", ""),
    ("optionsPagerCallback", "options/pagerCallback", "b", "", ""),
    ("optionsIsEnableCET", "options/isEnableCET", "b", "cloudTelepresence", ""),
    ("timeZoneID", "timeZoneID", "i", "", ""),
    ("timeZone", "timeZone", "s", "", ""),
    ("timeZoneWithDST", "timeZoneWithDST", "s", "", "ro"),
    ("trackingTrackingCode1", "tracking/trackingCode1", "s", "", ""),
    ("trackingTrackingCode2", "tracking/trackingCode2", "s", "", ""),
    ("trackingTrackingCode3", "tracking/trackingCode3", "s", "", ""),
    ("trackingTrackingCode4", "tracking/trackingCode4", "s", "", ""),
    ("trackingTrackingCode5", "tracking/trackingCode5", "s", "", ""),
    ("trackingTrackingCode6", "tracking/trackingCode6", "s", "", ""),
    ("trackingTrackingCode7", "tracking/trackingCode7", "s", "", ""),
    ("trackingTrackingCode8", "tracking/trackingCode8", "s", "", ""),
    ("trackingTrackingCode9", "tracking/trackingCode9", "s", "", ""),
    ("trackingTrackingCode10", "tracking/trackingCode10", "s", "", ""),
    ("service", "service", "s", "", ""),
    ("privilegeHost", "privilege/host", "b", "", ""),
    ("privilegeTeleConfCallOut", "privilege/teleConfCallOut", "b", "callBackTeleconferencing", ""),
    ("privilegeTeleConfCallOutInternational", "privilege/teleConfCallOutInternational", "b", "intlCallBackTeleconferencing", ""),
    ("privilegeTeleConfCallIn", "privilege/teleConfCallIn", "b", "callInTeleconferencing", ""),
    ("privilegeTeleConfTollFreeCallIn", "privilege/teleConfTollFreeCallIn", "b", "tollFreeCallinTeleconferencing", ""),
    ("privilegeSiteAdmin", "privilege/siteAdmin", "b", "", ""),
    ("privilegeVoiceOverIp", "privilege/voiceOverIp", "b", "internetPhone", ""),
    ("privilegeRoSiteAdmin", "privilege/roSiteAdmin", "b", "", ""),
    ("privilegeLabAdmin", "privilege/labAdmin", "b", "handsOnLab", ""),
    ("privilegeOtherTelephony", "privilege/otherTelephony", "b", "supportOtherTypeTeleconf", ""),
    ("privilegeTeleConfCallInInternational", "privilege/teleConfCallInInternational", "b", "intlCallInTeleconferencing", ""),
    ("privilegeAttendeeOnly", "privilege/attendeeOnly", "b", "", ""),
    ("privilegeRecordingEditor", "privilege/recordingEditor", "b", "", ""),
    ("privilegeMeetingAssist", "privilege/meetingAssist", "b", "", ""),
    ("privilegeHQvideo", "privilege/HQvideo", "b", "hqVideo", ""),
    ("privilegeAllowExtAttendees", "privilege/allowExtAttendees", "b", "", ""),
    ("privilegeHDvideo", "privilege/HDvideo", "b", "hdVideo", ""),
    ("privilegeIsEnableCET", "privilege/isEnableCET", "b", "cloudTelepresence", ""),
    ("privilegeIsEnablePMR", "privilege/isEnablePMR", "b", "personalMeetingRoom", ""),
    ("privilegeTeleCLIAuthEnabled", "privilege/teleCLIAuthEnabled", "b", "teleCLIAuthEnabled", ""),
    ("privilegeTeleCLIPINEnabled", "privilege/teleCLIPINEnabled", "b", "teleCLIPINEnabled", ""),
    ("language", "language", "s", "", ""),
    ("locale", "locale", "s", "", ""),
    ("schedulingPermission", "schedulingPermission", "s", "", ""),
    ("active", "active", "s", "", ""),
    ("tspAccountTollFreeCallInNumber", "tspAccount/tspAccount/tollFreeCallInNumber", "s", "tspTelephony", ""),
    ("tspAccountAccountIndex", "tspAccount/tspAccount/accountIndex", "i", "tspTelephony", ""),
    ("tspAccountTollCallInNumber", "tspAccount/tspAccount/tollCallInNumber", "s", "tspTelephony", ""),
    ("tspAccountSubscriberAccessCode", "tspAccount/tspAccount/subscriberAccessCode", "s", "tspTelephony", ""),
    ("tspAccountParticipantAccessCode", "tspAccount/tspAccount/participantAccessCode", "s", "tspTelephony", ""),
    ("tspAccountCreateOnBridge", "tspAccount/tspAccount/createOnBridge", "b", "tspTelephony", ""),
    ("tspAccountDefaultFlag", "tspAccount/tspAccount/defaultFlag", "b", "tspTelephony", ""),
    ("tspAccountCustom1", "tspAccount/tspAccount/custom1", "s", "tspTelephony", ""),
    ("tspAccountCustom2", "tspAccount/tspAccount/custom2", "s", "tspTelephony", ""),
    ("tspAccountCustom3", "tspAccount/tspAccount/custom3", "s", "tspTelephony", ""),
    ("tspAccountTollFreeCallInData", "tspAccount/tspAccount/tollFreeCallInData", "s", "tspTelephony", ""),
    ("tspAccountTollCallInData", "tspAccount/tspAccount/tollCallInData", "s", "tspTelephony", ""),
    ("tspAccountNbrDialOut", "tspAccount/tspAccount/nbrDialOut", "s", "tspTelephony", ""),
    ("supportedServicesMeetingCenter", "supportedServices/meetingCenter", "b", "", ""),
    ("supportedServicesTrainingCenter", "supportedServices/trainingCenter", "b", "", ""),
    ("supportedServicesSupportCenter", "supportedServices/supportCenter", "b", "", ""),
    ("supportedServicesEventCenter", "supportedServices/eventCenter", "b", "", ""),
    ("supportedServicesSalesCenter", "supportedServices/salesCenter", "b", "", ""),
    ("myWebExIsMyWebExPro", "myWebEx/isMyWebExPro", "b", "myWebExPro", ""),
    ("myWebExMyContact", "myWebEx/myContact", "b", "", ""),
    ("myWebExMyProfile", "myWebEx/myProfile", "b", "", ""),
    ("myWebExMyMeetings", "myWebEx/myMeetings", "b", "", ""),
    ("myWebExMyFolders", "myWebEx/myFolders", "b", "", ""),
    ("myWebExTrainingRecordings", "myWebEx/trainingRecordings", "b", "", ""),
    ("myWebExRecordedEvents", "myWebEx/recordedEvents", "b", "", ""),
    ("myWebExTotalStorageSize", "myWebEx/totalStorageSize", "i", "", ""),
    ("myWebExMyReports", "myWebEx/myReports", "b", "", ""),
    ("myWebExMyComputer", "myWebEx/myComputer", "i", "", ""),
    ("myWebExPersonalMeetingRoom", "myWebEx/personalMeetingRoom", "b", "", ""),
    ("myWebExMyPartnerLinks", "myWebEx/myPartnerLinks", "b", "", ""),
    ("myWebExMyWorkspaces", "myWebEx/myWorkspaces", "b", "", ""),
    ("myWebExAdditionalRecordingStorage", "myWebEx/additionalRecordingStorage", "i", "", ""),
    ("personalMeetingRoomWelcomeMessage", "personalMeetingRoom/welcomeMessage", "s", "personalMeetingRoom", ""),
    ("personalMeetingRoomPhotoURL", "personalMeetingRoom/photoURL", "s", "personalMeetingRoom", ""),
    ("personalMeetingRoomHeaderImageBranding", "personalMeetingRoom/headerImageBranding", "b", "pmrHeaderBranding", ""),
    ("personalMeetingRoomHeaderImageURL", "personalMeetingRoom/headerImageURL", "s", "personalMeetingRoom", ""),
    ("personalMeetingRoomURL", "personalMeetingRoom/personalMeetingRoomURL", "s", "", "ro"),
    ("personalMeetingRoomSipURL", "personalMeetingRoom/sipURL", "s", "", "ro"),
    ("personalMeetingRoomAccessCode", "personalMeetingRoom/accessCode", "s", "", "ro"),
    ("personalMeetingRoomHostPIN", "personalMeetingRoom/hostPIN", "s", "personalMeetingRoom", "upd"),
    ("personalMeetingRoomPilotNumber", "personalMeetingRoom/pilotNumber", "s", "personalMeetingRoom", ""),
    ("personalMeetingRoomApplyPMRForInstantMeeting", "personalMeetingRoom/applyPMRForInstantMeeting", "b", "personalMeetingRoom", ""),
    ("personalMeetingRoomPmrAutoLock", "personalMeetingRoom/PMRAutoLock", "b", "personalMeetingRoom", ""),
    ("personalMeetingRoomPmrAutoLockWaitTime", "personalMeetingRoom/PMRAutoLockWaitTime", "i", "personalMeetingRoom", ""),
    ("sessionOptionsDefaultSessionType", "sessionOptions/defaultSessionType", "i", "", ""),
    ("sessionOptionsDefaultServiceType", "sessionOptions/defaultServiceType", "s", "", ""),
    ("sessionOptionsAutoDeleteAfterMeetingEnd", "sessionOptions/autoDeleteAfterMeetingEnd", "b", "", ""),
    ("sessionOptionsDisplayQuickStartHost", "sessionOptions/displayQuickStartHost", "b", "", ""),
    ("sessionOptionsDisplayQuickStartAttendees", "sessionOptions/displayQuickStartAttendees", "b", "", ""),
    ("mpProfileNumber", "mpProfileNumber", "s", "", ""),
    ("securityForceChangePassword", "security/forceChangePassword", "b", "", ""),
    ("securityResetPassword", "security/resetPassword", "b", "", ""),
    ("securityLockAccount", "security/lockAccount", "b", "", ""),
    ("languageID", "languageID", "i", "", ""),
    ("webACDPrefsIsAgent", "webACDPrefs/isAgent", "b", "webACD", ""),
    ("webACDPrefsIsMgr", "webACDPrefs/isMgr", "b", "webACD", ""),
    ("webACDPrefsNumAgentSessions", "webACDPrefs/numAgentSessions", "i", "webACD", ""),
    ("webACDPrefsAgentMonitorAllRSQueues", "webACDPrefs/agentMonitorAllRSQueues", "b", "webACD", ""),
    ("webACDPrefsManagerMonitorAllRSQueues", "webACDPrefs/managerMonitorAllRSQueues", "b", "webACD", ""),
    ("webACDPrefsMonitorAllRSAgents", "webACDPrefs/monitorAllRSAgents", "b", "webACD", ""),
    ("cmrHybridVoip", "cmrHybridVoip", "b", "", ""),  # XML API 40.11
    # Session types (SPEC section 3, meetingTypes/meetingType*): the complete list, one element per id, licensed per
    # type; a SetUser list only takes effect for the centers whose supportedServices flag the same request sets.
    ("meetingTypes", "meetingTypes/meetingType", "il", "", ""),
]
BY_NAME = {a[0]: a for a in ATTRIBUTES}
BY_ELEMENT = {}
for _a in ATTRIBUTES:
    BY_ELEMENT.setdefault(_a[1].split("/")[-1], []).append(_a[0])
TSP_PREFIX = "tspAccount/tspAccount/"

# What Webex enforces per attribute (XSD, developer.cisco.com element pages), reported by schema discovery:
# Okta's base profile, maximum lengths, the only values an enumeration takes, integer bounds.
CONSTRAINTS = {
    "firstName": {"base": True, "maxLength": 64},
    "lastName": {"base": True, "maxLength": 64},
    "displayName": {"maxLength": 128},
    "title": {"maxLength": 128},
    "categoryId": {"min": 0},
    "description": {"maxLength": 4000},
    "officeGreeting": {"maxLength": 128},
    "company": {"maxLength": 128},
    "webExId": {"base": True, "maxLength": 64},
    "addressAddressType": {"allowedValues": ["PERSONAL","GLOBAL"]},
    "addressAddress1": {"maxLength": 128},
    "addressAddress2": {"maxLength": 128},
    "addressZipCode": {"maxLength": 32},
    "phonesPhone": {"base": True, "maxLength": 64},
    "phonesMobilePhone": {"base": True, "maxLength": 64},
    "phonesFax": {"maxLength": 64},
    "phonesPhone2": {"maxLength": 64},
    "phonesMobilePhone2": {"maxLength": 64},
    "phonesPager": {"maxLength": 64},
    "email": {"base": True, "maxLength": 64},
    "email2": {"maxLength": 64},
    "officeurl": {"maxLength": 128},
    "password": {"base": True, "maxLength": 60},
    "passwordHint": {"maxLength": 128},
    "passwordHintAnswer": {"maxLength": 128},
    "personalUrl": {"maxLength": 64},
    "timeZoneID": {"min": -1, "max": 61},
    "trackingTrackingCode1": {"maxLength": 128},
    "trackingTrackingCode2": {"maxLength": 128},
    "trackingTrackingCode3": {"maxLength": 128},
    "trackingTrackingCode4": {"maxLength": 128},
    "trackingTrackingCode5": {"maxLength": 128},
    "trackingTrackingCode6": {"maxLength": 128},
    "trackingTrackingCode7": {"maxLength": 128},
    "trackingTrackingCode8": {"maxLength": 128},
    "trackingTrackingCode9": {"maxLength": 128},
    "trackingTrackingCode10": {"maxLength": 128},
    "service": {"allowedValues": ["FREE_OFFICE","STANDARD_OFFICE","PRO_OFFICE"]},
    "locale": {"maxLength": 64},
    "schedulingPermission": {"maxLength": 1024},
    "active": {"base": True, "allowedValues": ["ACTIVATED","REQUEST_TO_ACTIVATE","DEACTIVATED"]},
    "tspAccountAccountIndex": {"min": 1, "max": 3},
    "tspAccountNbrDialOut": {"allowedValues": ["TOLL_FREE","TOLL"]},
    "myWebExTotalStorageSize": {"min": 0},
    "myWebExMyComputer": {"min": 0},
    "myWebExAdditionalRecordingStorage": {"min": 0},
    "personalMeetingRoomWelcomeMessage": {"maxLength": 1024},
    "personalMeetingRoomPhotoURL": {"maxLength": 1024},
    "personalMeetingRoomHeaderImageURL": {"maxLength": 1024},
    "personalMeetingRoomHostPIN": {"maxLength": 8},
    "personalMeetingRoomPilotNumber": {"maxLength": 64},
    "personalMeetingRoomPmrAutoLockWaitTime": {"min": 0, "max": 60},
    "sessionOptionsDefaultServiceType": {"allowedValues": ["MeetingCenter","EventCenter","TrainingCenter","SupportCenter","SalesCenter"]},
    "mpProfileNumber": {"maxLength": 64},
    "languageID": {"min": 1, "max": 17},
    "webACDPrefsNumAgentSessions": {"min": 0, "max": 99},
}

# Where GetSite reports each feature (below siteInstance).
FEATURE_PATHS = {
    "callInTeleconferencing": "telephonyConfig/callInTeleconferencing",
    "tollFreeCallinTeleconferencing": "telephonyConfig/tollFreeCallinTeleconferencing",
    "intlCallInTeleconferencing": "telephonyConfig/intlCallInTeleconferencing",
    "callBackTeleconferencing": "telephonyConfig/callBackTeleconferencing",
    "intlCallBackTeleconferencing": "telephonyConfig/intlCallBackTeleconferencing",
    "supportOtherTypeTeleconf": "telephonyConfig/supportOtherTypeTeleconf",
    "internetPhone": "telephonyConfig/internetPhone",
    "teleCLIAuthEnabled": "telephonyConfig/teleCLIAuthEnabled",
    "teleCLIPINEnabled": "telephonyConfig/teleCLIPINEnabled",
    "tspTelephony": "telephonyConfig/isTSPUsingTelephonyAPI",
    "personalMeetingRoom": "siteCommonOptions/enablePersonalMeetingRoom",
    "cloudTelepresence": "siteCommonOptions/EnableCloudTelepresence",
    "hqVideo": "video/HQvideo",
    "hdVideo": "video/HDvideo",
    "handsOnLab": "tools/handsOnLab",
    "eventCenterBandwidth": "supportedServices/eventCenter/optimizeAttendeeBandwidthUsage",
    "myWebExPro": "myWebExConfig/enableMyWebExPro",
    "pmrHeaderBranding": "myWebExConfig/PMRheaderBranding",
    "webACD": "supportedServices/supportCenter/webACD",
}

# Webex exception IDs -> error class (the IDs Cisco never published are the ones webex-mock assigns).
EXCEPTIONS = {
    "000001": "accessDenied", "000015": "notFound", "000029": "transient", "000035": "transient",
    "000045": "rateLimited", "030001": "notFound", "030002": "authentication", "030004": "duplicate",
    "030005": "duplicate", "030047": "authentication", "030048": "accessDenied", "030059": "hostLimit",
    "030071": "invalidValue", "030072": "featureNotEnabled", "030073": "invalidPersonalUrl",
    "030074": "invalidPersonalUrl", "030075": "invalidValue", "030076": "authentication",
    "030077": "siteUnsupported", "030098": "siteUnsupported", "E030103": "siteUnsupported",
    "E030104": "siteUnsupported", "E030105": "siteUnsupported", "110055": "licence",
    "010107": "siteUnsupported",  # suspended site (API 42.6.0)
    "030078": "invalidValue",  # a personal conference number account without a valid PIN
    "030081": "authentication", "030082": "siteUnsupported",  # expired OAuth token; password on a SAML SSO site
}
RETRYABLE = ("transient", "rateLimited")

# 999999 is Webex's generic ID: its reason says what happened (API 39.11: "999999 Maximum date range is 90 days
# for modified date query"). Tried in order when the ID is not one of the above.
REASONS = [
    (r"user limit exceeded for session type", "licence"), (r"host ?limit", "hostLimit"),
    (r"personal ?url", "invalidPersonalUrl"), (r"needs to be", "featureNotEnabled"),
    (r"not supported|managed in control hub|suspended|saml sso", "siteUnsupported"),
    (r"can'?t set field|invalid|out of range|maximum date range|password policy|valid pin", "invalidValue"),
    (r"duplicate|already (exists|in use|used)", "duplicate"), (r"not found|no record", "notFound"),
    (r"incorrect user or password|session ticket|site is not valid|token (has )?expired", "authentication"),
    (r"access denied|privilege", "accessDenied"), (r"rate limit", "rateLimited"),
    (r"not responding|unavailable|timed? ?out", "transient"),
]


class ConnectorError(Exception):
    def __init__(self, cls, message, attribute=None, session_type=None, retry_after=None, unknown_outcome=False):
        super().__init__(message)
        self.cls, self.message, self.attribute, self.session_type = cls, message, attribute, session_type
        self.retry_after = retry_after
        self.unknown_outcome = unknown_outcome  # the request may have been executed

    def to_json(self):
        out = {"class": self.cls, "message": self.message}
        if self.attribute:
            out["attribute"] = self.attribute
        if self.session_type:
            out["sessionType"] = self.session_type
        return out


def log(text):
    sys.stderr.write("adapter.py: %s\n" % text)


def local(tag):
    return tag.rsplit("}", 1)[-1]


def child(node, name):
    if node is None:
        return None
    for c in node:
        if local(c.tag) == name:
            return c
    return None


def find(node, path):
    for part in path.split("/"):
        node = child(node, part)
    return node


# ---- profiles --------------------------------------------------------------------------------------------

def typed(name, value):
    kind = BY_NAME[name][2]
    if kind == "b":
        if isinstance(value, bool):
            return value
        if isinstance(value, str) and value.strip().lower() in ("true", "false"):
            return value.strip().lower() == "true"
        raise ConnectorError("invalidValue", "%s must be true or false, got %r" % (name, value), name)
    if kind == "il":
        items = value.split(",") if isinstance(value, str) else value if isinstance(value, list) else None
        try:
            if items is None or any(isinstance(i, bool) for i in items):
                raise ValueError
            return [int(str(i).strip()) for i in items if str(i).strip() != ""]
        except ValueError:
            raise ConnectorError("invalidValue", "%s must be a list of integers ([214, 216] or \"214,216\"), got %r" % (name, value), name)
    if kind == "i":
        if isinstance(value, bool):
            raise ConnectorError("invalidValue", "%s must be an integer" % name, name)
        try:
            return int(str(value).strip())
        except ValueError:
            raise ConnectorError("invalidValue", "%s must be an integer, got %r" % (name, value), name)
    if not isinstance(value, (str, int, float)) or isinstance(value, bool):
        raise ConnectorError("invalidValue", "%s must be a string" % name, name)
    text = str(value)
    if any(not xml_char(c) for c in text):
        raise ConnectorError("invalidValue", "%s contains a control character Webex cannot store" % name, name)
    return text


def xml_char(c):
    """A character XML 1.0 can carry (a request holding any other is not well-formed)."""
    o = ord(c)
    return o in (0x9, 0xA, 0xD) or 0x20 <= o <= 0xD7FF or 0xE000 <= o <= 0xFFFD or o >= 0x10000


def validate(profile, creating):
    if not isinstance(profile, dict):
        raise ConnectorError("invalidValue", "a profile must be a JSON object")
    unknown = [k for k in profile if k not in BY_NAME]
    if unknown:
        raise ConnectorError("invalidValue", "unknown attribute(s): %s" % ", ".join(unknown), unknown[0])
    out = {}
    for name, value in profile.items():
        if BY_NAME[name][4] == "ro":
            raise ConnectorError("invalidValue", "%s is derived by Webex and cannot be pushed" % name, name)
        out[name] = typed(name, value)
    if any(n.startswith("tspAccount") for n in out) and "tspAccountAccountIndex" not in out:
        raise ConnectorError("invalidValue", "tspAccountAccountIndex is required with tspAccount attributes", "tspAccountAccountIndex")
    if "personalUrl" in out:
        url = out["personalUrl"]
        if not url or len(url) > 64 or any(not (c.isascii() and (c.isalnum() or c in "_-.")) for c in url):
            raise ConnectorError("invalidPersonalUrl", "personalUrl must be 1-64 characters of A-Z a-z 0-9 _ - .", "personalUrl")
    if creating:
        for required in ("webExId", "email"):
            if not out.get(required):
                raise ConnectorError("invalidValue", "%s is required to create a user" % required, required)
    return out


def text_of(value):
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def elements(profile):
    """Flat profile -> nested XML (containers in first-use order; Webex matches elements by name)."""
    tree = {}
    for name, value in profile.items():
        node = tree
        parts = BY_NAME[name][1].split("/")
        for part in parts[:-1]:
            node = node.setdefault(part, {})
        node[parts[-1]] = [text_of(v) for v in value] if isinstance(value, list) else text_of(value)

    def one(k, v):
        return "<%s>%s</%s>" % (k, render(v) if isinstance(v, dict) else escape(v), k)

    def render(node):
        return "".join("".join(one(k, i) for i in v) if isinstance(v, list) else one(k, v) for k, v in node.items())
    return render(tree)


def profile_of(body):
    """GetUser bodyContent -> flat profile of every mapped attribute present."""
    out = {}
    container = find(body, "tspAccount")
    accounts = [a for a in container if local(a.tag) == "tspAccount"] if container is not None else []
    default = next((a for a in accounts if (child(a, "defaultFlag") is not None and (child(a, "defaultFlag").text or "").lower() == "true")), accounts[0] if accounts else None)
    for name, path, kind, _feature, _access in ATTRIBUTES:
        if name == "password":
            continue
        if kind == "il":
            parent = find(body, path.rsplit("/", 1)[0])
            if parent is not None:
                leaf = path.rsplit("/", 1)[1]
                out[name] = [int(c.text) for c in parent if local(c.tag) == leaf and (c.text or "").strip().lstrip("-").isdigit()]
            continue
        node = find(default, path[len(TSP_PREFIX):]) if path.startswith(TSP_PREFIX) else find(body, path)
        if node is None:
            continue
        text = (node.text or "").strip()
        if kind == "b" and text.lower() in ("true", "false"):
            out[name] = text.lower() == "true"
        elif kind == "i" and text.lstrip("-").isdigit():
            out[name] = int(text)
        else:
            out[name] = text
    return out


# ---- transport -------------------------------------------------------------------------------------------

class Client:
    def __init__(self, config):
        self.url = config["url"]
        self.site, self.admin, self.password = config["siteName"], config["admin"], config["password"]
        self.fast = bool(config.get("fastRetries"))

    def envelope(self, binding, body):
        return (
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<serv:message xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
            'xmlns:serv="http://www.webex.com/schemas/2002/06/service">'
            "<header><securityContext><webExID>%s</webExID><password>%s</password><siteName>%s</siteName>"
            "</securityContext></header><body><bodyContent xsi:type=\"%s\">%s</bodyContent></body></serv:message>"
            % (escape(self.admin), escape(self.password), escape(self.site), binding, body)
        )

    def once(self, binding, body):
        request = urllib.request.Request(self.url, data=self.envelope(binding, body).encode("utf-8"), method="POST",
                                         headers={"Content-Type": "text/xml; charset=UTF-8"})
        try:
            with urllib.request.urlopen(request, timeout=30) as res:
                status, retry_after, raw = res.status, res.headers.get("Retry-After"), res.read()
                content_type = res.headers.get("Content-Type") or ""
        except urllib.error.HTTPError as e:
            status, retry_after, raw = e.code, e.headers.get("Retry-After"), e.read()
            content_type = e.headers.get("Content-Type") or ""
        except (urllib.error.URLError, http.client.HTTPException, ConnectionError, socket.timeout) as e:
            # No answer: the operation may or may not have run.
            raise ConnectorError("transient", "no answer from %s (%s)" % (self.url, e), unknown_outcome=True)
        if status >= 500:
            # A gateway error does not say the operation did not run behind it: the outcome is unknown.
            raise ConnectorError("transient", "HTTP %d from Webex" % status, retry_after=seconds(retry_after), unknown_outcome=True)
        try:
            # Webex never sends a DTD: one is refused (no entity expansion from a hostile endpoint).
            root = None if re.search(rb"<!DOCTYPE", raw, re.I) else ET.fromstring(decoded(raw, content_type))
        except (ET.ParseError, LookupError, UnicodeDecodeError):
            root = None
        response = find(root, "header/response") if root is not None else None
        if response is None:
            # Not a Webex answer (an HTML error page is often well-formed XML too).
            cls = "rateLimited" if status == 429 else "transient"
            raise ConnectorError(cls, "HTTP %d without a Webex XML answer" % status, retry_after=seconds(retry_after))
        result = (child(response, "result").text or "") if child(response, "result") is not None else ""
        if result == "SUCCESS":
            return find(root, "body/bodyContent")
        raise classify(response, seconds(retry_after))

    def call(self, binding, body, before_retry=None):
        for attempt in range(1, MAX_ATTEMPTS + 1):
            try:
                return self.once(binding, body)
            except ConnectorError as e:
                if e.cls not in RETRYABLE or attempt == MAX_ATTEMPTS:
                    raise
                delay = min(120.0, e.retry_after) if e.retry_after is not None else min(8.0, 0.5 * 2 ** (attempt - 1))
                log("%s failed (%s), retry %d in %.1f s" % (binding.rsplit(".", 1)[-1], e.message, attempt, delay))
                if not self.fast:
                    time.sleep(delay)
                if before_retry and e.unknown_outcome:
                    settled = before_retry()
                    if settled is not None:
                        return settled


def decoded(raw, content_type):
    """The body as text when the Content-Type names a charset (it outranks the XML declaration), else the bytes."""
    m = re.search(r'charset\s*=\s*"?([\w.:-]+)', content_type, re.I)
    return raw.decode(m.group(1)) if m else raw


def seconds(header):
    """Retry-After as delta-seconds or as an HTTP date (RFC 9110 allows both): seconds to wait, or None."""
    if header is None:
        return None
    try:
        return max(0.0, float(header))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(header)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


def classify(response, retry_after):
    def field(name):
        node = child(response, name)
        return (node.text or "").strip() if node is not None else ""
    exception_id, reason, gsb = field("exceptionID"), field("reason"), field("gsbStatus")
    cls = EXCEPTIONS.get(exception_id)
    if cls is None:
        cls = next((c for pattern, c in REASONS if re.search(pattern, reason, re.I)), None)
    if cls is None:
        cls = "transient" if gsb == "BACKUP" else "unknown"
    attribute = None
    for marker in ("Can't set field ", "Attribute "):
        if marker in reason:
            element = reason.split(marker, 1)[1].split(":")[0].split(" ")[0].strip()
            names = BY_ELEMENT.get(element.split("/")[-1], [])
            attribute = names[0] if len(names) == 1 else element
    if exception_id in ("030073", "030074"):
        attribute = "personalUrl"
    # The session type is in serv:value; the XSD also allows it in a serv:subErrors/subError.
    subs = find(response, "subErrors")
    sub_values = [(child(s, "value").text or "").strip() for s in (list(subs) if subs is not None else []) if child(s, "value") is not None]
    session_type = (field("value") or next((v for v in sub_values if v), "")) if cls == "licence" else None
    return ConnectorError(cls, "%s (%s)" % (reason or "Webex failure", exception_id or "no id"), attribute, session_type or None, retry_after)


# ---- operations ------------------------------------------------------------------------------------------

class Connector:
    def __init__(self, config):
        self.client = Client(config)
        # Control Hub managed sites (API 41.11.0): the webExId is the email, passwords live in Control Hub.
        self.control_hub = bool(config.get("controlHubManaged"))

    def get_user(self, webex_id):
        return self.client.call(USER_BINDING + "GetUser", "<webExId>%s</webExId>" % escape(webex_id))

    def set_user(self, webex_id, body, before_retry=None):
        self.client.call(USER_BINDING + "SetUser", "<webExId>%s</webExId>%s" % (escape(webex_id), body), before_retry=before_retry)
        return {"webExId": webex_id}

    def find_user(self, webex_id):
        """GetUser, or None when the user is not there (checks whether an answer-less write landed)."""
        try:
            return self.get_user(webex_id)
        except ConnectorError as e:
            if e.cls == "notFound":
                return None
            raise

    def create(self, args):
        profile = validate(args.get("profile"), creating=True)
        url = profile.pop("personalUrl", None)
        if self.control_hub and profile.get("email"):
            profile["webExId"] = profile["email"]
            profile.pop("password", None)
        webex_id = profile["webExId"]
        self.client.call(USER_BINDING + "CreateUser", elements(profile), before_retry=lambda: self.find_user(webex_id))
        if url is not None:  # Webex ignores personalUrl on create
            self.set_user(webex_id, elements({"personalUrl": url}))
        return {"webExId": webex_id}

    def update(self, args):
        webex_id = args["webExId"]
        profile = validate(args.get("profile"), creating=False)
        new_id = profile.pop("webExId", None)
        extra = "<newWebExId>%s</newWebExId>" % escape(new_id) if new_id and new_id != webex_id else ""
        if not profile and not extra:
            raise ConnectorError("invalidValue", "nothing to update")
        # A rename whose answer was lost cannot be repeated (the old webExId is gone): look for the new one first.
        try:
            self.set_user(webex_id, elements(profile) + extra, before_retry=(lambda: self.find_user(new_id)) if extra else None)
        except ConnectorError as e:
            # Webex names the element; where two attributes end in it (isEnableCET), the profile sent says which.
            sent = [n for n in BY_ELEMENT.get((e.attribute or "").split("/")[-1], []) if n in profile]
            if e.attribute not in profile and len(sent) == 1:
                e.attribute = sent[0]
            raise
        if self.control_hub and profile.get("email"):
            return {"webExId": profile["email"]}  # the identity follows the email
        return {"webExId": new_id if extra else webex_id}

    def setPassword(self, args):
        return self.set_user(args["webExId"], elements(validate({"password": args["password"]}, creating=False)))

    def deactivate(self, args):
        return self.set_user(args["webExId"], "<active>DEACTIVATED</active>")

    def reactivate(self, args):
        return self.set_user(args["webExId"], "<active>ACTIVATED</active>")

    def get(self, args):
        return profile_of(self.get_user(args["webExId"]))

    def import_(self, _args):
        users, start, total = [], 1, None
        while total is None or start <= total:
            body = ("<listControl><startFrom>%d</startFrom><maximumNum>%d</maximumNum><listMethod>AND</listMethod></listControl>"
                    "<order><orderBy>UID</orderBy><orderAD>ASC</orderAD></order>" % (start, PAGE_SIZE))
            try:
                content = self.client.call(USER_BINDING + "LstsummaryUser", body)
            except ConnectorError as e:
                if e.cls == "notFound":  # 000015: no (more) users
                    break
                raise
            page = [u for u in content if local(u.tag) == "user"]
            for u in page:
                users.append({k: (child(u, k).text or "") for k in ("webExId", "email", "firstName", "lastName", "active") if child(u, k) is not None})
            total = int(find(content, "matchingRecords/total").text)
            returned = int(find(content, "matchingRecords/returned").text)
            if returned == 0:
                break
            start += returned
        return users

    def schema(self, _args):
        """The report form of schema discovery: each attribute with its constraints and feature, and the site's facts."""
        site = find(self.client.call(SITE_BINDING + "GetSite", ""), "siteInstance")
        features = {}
        for key, path in FEATURE_PATHS.items():
            value = flag(find(site, path))
            if value is not None:
                features[key] = value
        session_types = []
        for node in site_children(find(site, "metaData"), "meetingTypes"):
            type_id = integer(child(node, "meetingTypeID"))
            if type_id is not None:
                entry = {"id": type_id}
                name = child(node, "meetingTypeName")
                if name is not None and name.text:
                    entry["name"] = name.text.strip()
                session_types.append(entry)
        types = {"s": "string", "b": "boolean", "i": "integer", "il": "integerList"}
        out = []
        for name, _path, kind, feature, _access in ATTRIBUTES:
            entry = {"name": name, "type": types[kind], "base": False}
            entry.update(CONSTRAINTS.get(name, {}))
            if name == "meetingTypes":  # the site decides which session types a user may hold
                entry["allowedValues"] = [t["id"] for t in session_types]
            if not feature:
                entry["available"] = True
            else:
                entry["feature"] = {"path": FEATURE_PATHS[feature]}
                if feature in features:
                    entry["available"] = entry["feature"]["enabled"] = features[feature]
            out.append(entry)
        facts = {"sessionTypes": session_types, "features": {FEATURE_PATHS[k]: v for k, v in features.items()}}
        meta = find(site, "metaData")
        limit, active = integer(child(meta, "accountNumLimit")), integer(child(meta, "activeUserCount"))
        if limit is not None:
            facts["hosts"] = {"limit": limit}
            if active is not None:
                facts["hosts"]["active"] = active
        criteria = find(site, "accountPasswordCriteria")
        if criteria is not None:
            facts["passwordCriteria"] = {k: integer(child(criteria, k)) for k in ("minLength", "minNumeric", "minAlpha", "minSpecial") if integer(child(criteria, k)) is not None}
            if flag(child(criteria, "mixedCase")) is not None:
                facts["passwordCriteria"]["mixedCase"] = flag(child(criteria, "mixedCase"))
        for key, path in (("samlSSO", "samlSSO/enableSSO"), ("active", "metaData/activateStatus")):
            if flag(find(site, path)) is not None:
                facts[key] = flag(find(site, path))
        return {"attributes": out, "site": facts}

    def testConnection(self, _args):
        """Okta's "Test API credentials": reach the endpoint, sign in, and check the admin may provision. Writes nothing."""
        me = self.get_user(self.client.admin)  # authentication / transient errors say what is wrong
        checks = [{"name": "reachable", "ok": True}, {"name": "credentials", "ok": True}]
        privilege = child(me, "privilege")
        if flag(child(privilege, "siteAdmin")) is not True:
            read_only = flag(child(privilege, "roSiteAdmin")) is True
            raise ConnectorError("accessDenied", "%s is %s: provisioning needs a full site administrator" % (self.client.admin, "a read-only site admin" if read_only else "not a site admin"))
        try:  # an admin-only call: the privilege flag alone does not prove the site lets the admin list users
            self.client.call(USER_BINDING + "LstsummaryUser", "<listControl><startFrom>1</startFrom><maximumNum>1</maximumNum></listControl>")
        except ConnectorError as e:
            if e.cls != "notFound":  # 000015: no users to list is still allowed
                raise
        checks.append({"name": "siteAdmin", "ok": True})
        return {"siteName": self.client.site, "admin": self.client.admin, "checks": checks}


def flag(node):
    """A GetSite switch: a boolean element, or (XSD form) one with an <enabled> child; None when absent or unreadable."""
    if node is not None and child(node, "enabled") is not None:
        node = child(node, "enabled")
    text = (node.text or "").strip().lower() if node is not None else ""
    return True if text == "true" else False if text == "false" else None


def integer(node):
    text = (node.text or "").strip() if node is not None else ""
    try:
        return int(text)
    except ValueError:
        return None


def site_children(node, name):
    return [c for c in (node if node is not None else []) if local(c.tag) == name]


def main():
    connector = None
    for line in sys.stdin:
        line = line.strip()
        if not line:
            continue
        request = json.loads(line)
        op, args, answer = request.get("op"), request.get("args") or {}, {"id": request.get("id")}
        try:
            if op == "configure":
                connector = Connector(args)
                answer.update(ok=True, result={"operations": ["testConnection"]})
            elif connector is None:
                raise ConnectorError("unknown", "configure first")
            elif op in ("create", "update", "setPassword", "deactivate", "reactivate", "get", "import", "schema", "testConnection"):
                answer.update(ok=True, result=getattr(connector, "import_" if op == "import" else op)(args))
            else:
                raise ConnectorError("unknown", "unknown op %r" % op)
        except ConnectorError as e:
            answer.update(ok=False, error=e.to_json())
        except Exception as e:  # a bug here must not kill the session
            answer.update(ok=False, error={"class": "unknown", "message": "%s: %s" % (type(e).__name__, e)})
        sys.stdout.write(json.dumps(answer) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
