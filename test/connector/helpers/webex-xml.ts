/** Hand-written Webex responses, shaped exactly as SPEC §1.4 shows the real ones. */
const ROOT_OPEN = '<?xml version="1.0" encoding="UTF-8"?><serv:message xmlns:serv="http://www.webex.com/schemas/2002/06/service" xmlns:com="http://www.webex.com/schemas/2002/06/common" xmlns:use="http://www.webex.com/schemas/2002/06/service/user">';

export function success(responseType: string, bodyXml = '', gsbStatus = 'PRIMARY'): string {
  const content = bodyXml
    ? `<serv:bodyContent xsi:type="use:${responseType}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">${bodyXml}</serv:bodyContent>`
    : `<serv:bodyContent xsi:type="use:${responseType}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"/>`;
  return `${ROOT_OPEN}<serv:header><serv:response><serv:result>SUCCESS</serv:result><serv:gsbStatus>${gsbStatus}</serv:gsbStatus></serv:response></serv:header><serv:body>${content}</serv:body></serv:message>`;
}

export function failure(exceptionId: string, reason: string, options: { value?: string; gsbStatus?: string } = {}): string {
  const value = options.value !== undefined ? `<serv:value>${options.value}</serv:value>` : '';
  return `${ROOT_OPEN}<serv:header><serv:response><serv:result>FAILURE</serv:result><serv:reason>${reason}</serv:reason><serv:gsbStatus>${options.gsbStatus ?? 'PRIMARY'}</serv:gsbStatus><serv:exceptionID>${exceptionId}</serv:exceptionID>${value}</serv:response></serv:header><serv:body><serv:bodyContent/></serv:body></serv:message>`;
}

/** A GetUser body like the real 2016 capture (abbreviated), for the given user. */
export function getUserBody(u: { webExId: string; email: string; firstName?: string; lastName?: string; siteAdmin?: boolean; roSiteAdmin?: boolean; active?: string; userId?: string }): string {
  return `<use:firstName>${u.firstName ?? 'Jane'}</use:firstName><use:lastName>${u.lastName ?? 'Doe'}</use:lastName><use:categoryId>36</use:categoryId>`
    + `<use:webExId>${u.webExId}</use:webExId><use:address><com:addressType>PERSONAL</com:addressType></use:address>`
    + `<use:phones><com:phone>1,408,5550100</com:phone><use:PIN></use:PIN></use:phones><use:email>${u.email}</use:email><use:password>******</use:password>`
    + '<use:personalUrl>pr1454974599154</use:personalUrl><use:expirationDate>12/31/2049 23:59:59</use:expirationDate>'
    + '<use:commOptions><use:prodAnnounce>TRUE</use:prodAnnounce><use:mail>true</use:mail></use:commOptions>'
    + '<use:meetingTypes><use:meetingType>214</use:meetingType><use:meetingType>216</use:meetingType></use:meetingTypes>'
    + '<use:timeZoneID>4</use:timeZoneID><use:tracking/>'
    + `<use:privilege><use:host>true</use:host><use:siteAdmin>${u.siteAdmin ?? false}</use:siteAdmin><use:roSiteAdmin>${u.roSiteAdmin ?? false}</use:roSiteAdmin><use:HQvideo>true</use:HQvideo></use:privilege>`
    + `<use:language>ENGLISH</use:language><use:active>${u.active ?? 'ACTIVATED'}</use:active>`
    + '<use:tspAccount><use:tspAccount><use:accountIndex>2</use:accountIndex><use:custom1>two</use:custom1></use:tspAccount><use:tspAccount><use:accountIndex>1</use:accountIndex><use:custom1>one</use:custom1><use:defaultFlag>FALSE</use:defaultFlag></use:tspAccount></use:tspAccount>'
    + '<use:personalMeetingRoom><use:personalMeetingRoomURL>https://acme.webex.com/meet/pr1454974599154</use:personalMeetingRoomURL><use:PMRAutoLock>false</use:PMRAutoLock><use:PMRAutoLockWaitTime>0</use:PMRAutoLockWaitTime></use:personalMeetingRoom>'
    + `<use:registrationDate>02/08/2016 15:21:23</use:registrationDate><use:visitCount>0</use:visitCount><use:userId>${u.userId ?? '962225390'}</use:userId>`;
}
