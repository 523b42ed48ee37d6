import { createHash } from 'node:crypto';

/** The web page a personal link opens; the token follows. */
export const SURVEY_LINK_PATH = '/encuesta/';

/** A link's token is 32 random bytes in base64url; anything else is not looked up. */
export const SURVEY_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** Only this is stored: whoever reads the table cannot answer in a member's name. */
export const hashInvitationToken = (token: string) => createHash('sha256').update(token).digest('hex');
