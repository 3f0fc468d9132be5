/** Ids built from the file's sha256 and the fact's position: the same input gives the same ids on every run. */
export const meetingId = (sha256: string, index: number) => `${sha256.slice(0, 12)}-m${index + 1}`;
export const childId = (meetingId: string, prefix: string, index: number) => `${meetingId}-${prefix}${index + 1}`;
