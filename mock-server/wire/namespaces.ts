export const NS = {
  serv: 'http://www.webex.com/schemas/2002/06/service',
  com: 'http://www.webex.com/schemas/2002/06/common',
  use: 'http://www.webex.com/schemas/2002/06/service/user',
  site: 'http://www.webex.com/schemas/2002/06/service/site',
  ep: 'http://www.webex.com/schemas/2002/06/service/ep',
  meet: 'http://www.webex.com/schemas/2002/06/service/meeting',
  event: 'http://www.webex.com/schemas/2002/06/service/event',
  xsi: 'http://www.w3.org/2001/XMLSchema-instance',
} as const;
