/**
 * Where each encrypted report value lives: its additional authenticated data (AAD), so a value
 * copied into another row or field fails to decrypt (see app/utils/crypto.server.ts).
 */
export const aad = {
  reportContent: (reportId: string) => `reports:${reportId}:content`,
  message: (messageId: string) => `report_messages:${messageId}:body`,
  draft: (draftId: string) => `report_drafts:${draftId}:content`,
  cookie: (name: string) => `cookie:${name}`,
};
