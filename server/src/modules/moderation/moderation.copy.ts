/**
 * What moderation says to people in its own words. Kind and plain; never shaming; always what happens next. The
 * person's own words are never repeated here.
 */
export const MODERATION_COPY = {
  held: 'Thank you for sharing. Your message will appear once a moderator has had a quick look. This usually does not take long.',
  redacted: 'To protect your privacy, we removed contact details (such as a phone number or e-mail) before sharing your message.',
  censored: 'Your message was shared with a few strong words hidden.',
  hiddenForReview:
    'A few people were concerned about something you posted, so it is hidden while a moderator takes a look. You can edit it now if you would like to change anything.',
  askedToEdit: 'A moderator has asked you to edit something you posted. It is hidden until you do. Thank you for helping keep the space safe.',
};

/** Warning templates a moderator chooses from (they may add a note). */
export const WARNING_TEMPLATES = {
  be_kind: 'Please remember that everyone here is going through something. Disagreeing is fine; unkind words are not.',
  no_personal_info: 'To keep everyone safe and anonymous, please do not share or ask for contact details or meetings outside Hearth.',
  no_medical_advice: 'Please do not give advice about medication or doses. Sharing what helped you is welcome; a doctor or pharmacist should advise on medicines.',
  no_spam: 'Please do not post advertising or repeated messages here.',
  content_note: 'Please add a content note before describing difficult experiences in detail, so others can choose when to read.',
} as const;
export type WarningTemplate = keyof typeof WARNING_TEMPLATES;
