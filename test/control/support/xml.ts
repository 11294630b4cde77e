/** Request builders for control-plane tests (demo-site credentials unless told otherwise). */
export const XML_PATH = '/WBXService/XMLService';

export interface Credentials { site?: string; webExId?: string; password?: string; sessionTicket?: string; accessToken?: string }

const DEMO: Credentials = { site: 'demo', webExId: 'admin', password: 'P@ssword123' };

export function envelope(type: string, body: string, who: Credentials = DEMO): string {
  const c = { ...DEMO, ...who };
  const secret = c.sessionTicket !== undefined ? `<sessionTicket>${c.sessionTicket}</sessionTicket>`
    : c.accessToken !== undefined ? `<webExAccessToken>${c.accessToken}</webExAccessToken>` : `<password>${c.password}</password>`;
  return `<?xml version="1.0" encoding="UTF-8"?><serv:message xmlns:serv="http://www.webex.com/schemas/2002/06/service" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">`
    + `<header><securityContext><siteName>${c.site}</siteName><webExID>${c.webExId}</webExID>${secret}</securityContext></header>`
    + `<body><bodyContent xsi:type="java:com.webex.service.binding.${type}">${body}</bodyContent></body></serv:message>`;
}

export const getUser = (id: string, who?: Credentials) => envelope('user.GetUser', `<webExId>${id}</webExId>`, who);
export const delUser = (ids: string[], who?: Credentials) => envelope('user.DelUser', ids.map((i) => `<webExId>${i}</webExId>`).join(''), who);
export const createUser = (id: string, extra = '', who?: Credentials) => envelope('user.CreateUser',
  `<firstName>New</firstName><lastName>User</lastName><webExId>${id}</webExId><email>${id}@example.com</email><password>Secret!Pass99</password><privilege><host>true</host></privilege><active>ACTIVATED</active>${extra}`, who);
export const authenticateUser = (who?: Credentials) => envelope('user.AuthenticateUser', '', who);

export const resultOf = (xml: string) => /<serv:result>([^<]*)</.exec(xml)?.[1];
export const exceptionOf = (xml: string) => /<serv:exceptionID>([^<]*)</.exec(xml)?.[1];
