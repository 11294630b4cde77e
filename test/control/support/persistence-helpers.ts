export { createWebexMock } from '../../../mock-server';
export { DB_FILE as DB_FILE_NAME } from '../../../mock-server/control/persistence/sqlite-store';
