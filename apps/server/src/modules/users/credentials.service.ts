// The account's credentials, for the sign-in use cases of the auth module (the users table is this module's).
export {
  countFailedLogin,
  findPasswordHash,
  findUserForLogin,
  recordLogin,
  setOwnPassword,
} from './credentials.repo.ts';
