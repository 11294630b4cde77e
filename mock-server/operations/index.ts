/** Operation name → handler: the only place that joins wire shapes to site state. */
import type { OperationName } from '../catalog';
import { lstUser, lstsummaryUser } from './list-users';
import { authenticateUser, delSessionTemplates, notSupported, uploadPmrImage } from './session-and-images';
import { getApiVersion, getSite } from './site-service';
import { delUser, getLoginTicket, getLoginUrlUser, getLogoutUrlUser, getUser } from './user-reads';
import { createUser, setUser } from './user-writes';
import type { OperationHandler } from './types';

export const HANDLERS: Readonly<Record<OperationName, OperationHandler>> = {
  AuthenticateUser: authenticateUser,
  CreateUser: createUser,
  SetUser: setUser,
  GetUser: getUser,
  DelUser: delUser,
  LstsummaryUser: lstsummaryUser,
  LstUser: lstUser,
  GetloginTicket: getLoginTicket,
  GetloginurlUser: getLoginUrlUser,
  GetlogouturlUser: getLogoutUrlUser,
  DelSessionTemplates: delSessionTemplates,
  UploadPMRImage: uploadPmrImage,
  ActivateUser: notSupported,
  InactivateUser: notSupported,
  GetSite: getSite,
  GetAPIVersion: getApiVersion,
};

export type { OperationContext, OperationHandler, OperationResult } from './types';
