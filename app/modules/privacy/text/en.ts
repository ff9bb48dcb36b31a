import type { PrivacyText } from '../inventory.ts';

// Sentences several tables share.
const ROW_ID = { what: 'A random identifier of the row.', why: 'To refer to it from other tables and in addresses.' };
const SEQUENCE_ID = {
  what: 'A sequence number.',
  why: 'To identify the row and keep the order in which rows were written.',
};
const PROGRAM_REF = { what: 'The program it belongs to.', why: 'To find it within its program.' };
const AMENDMENT_REF = { what: 'The amendment it is about.', why: 'To link the two.' };
const ROUND_REF = { what: 'The voting round it belongs to.', why: 'To find it within its round.' };
const CREATED = 'When the row was created.';
const UPDATED = 'When the row was last changed.';
const DATES_WHY = 'To show it and to keep the history in order.';
const NOT_SHOWN = 'Not shown on any page.';
const PROGRAM_READERS =
  'Whoever may read the program: everyone when its draft is public or once it is published, otherwise its members.';
const PROGRAM_LIFETIME = 'As long as the movement keeps the program: it is part of the program’s history.';
const FOREVER_PUBLIC = 'Forever: a published version is never changed.';
const EVERYONE = 'Everyone.';
const ONLY_YOU = 'Only you.';
const NOBODY = 'Nobody: no page shows it.';

/**
 * The privacy page in English, the source text: its `models` must describe every scalar column of the schema (the
 * type `PrivacyText`), and text/fr.ts and text/es.ts translate every sentence of it.
 */
export const en = {
  page: {
    title: 'Privacy',
    heading: 'What Plenum stores, why, and for how long',
    intro: [
      'This Plenum instance is run by the movement that uses it, on its own server. The movement answers for the data described here, and Plenum hands none of it to anyone else.',
      'No trackers, no analytics, no advertising, no third-party service. Every page, style, script and image comes from this server and fonts are your device’s own; a strict Content-Security-Policy stops your browser from contacting any other site.',
      'Being a member of a political movement says something about your opinions. Plenum keeps only what it needs, for the reasons given below.',
      'In your browser, Plenum keeps four cookies and nothing else: your session while you are signed in (30 days at most), your language (one year), a one-minute message after an action, and, between your password and the code of two-factor authentication if you turned it on, the pending sign-in (ten minutes at most, sent to the sign-in pages only). The server’s log notes the path, status and duration of each request, not your IP address nor who you are; to brake abuse, forms sent from each IP address are counted in memory only, and forgotten within ten minutes. Emails (address confirmation, password reset, the call to vote when a vote you take part in opens, and the digest or the announcements of phases if you ask for them) go out through the mail server the movement configures.',
    ],
    account: {
      before: 'You can download everything Plenum holds about you, and delete your account, from ',
      link: 'your account page',
      after: '.',
    },
    generated:
      'The tables below are generated from the database’s own description: every table and every field is listed, and Plenum’s tests fail if a field is added without being described here. “Who can see it” says who can see a field through Plenum; the people who run the server can technically read the database and its backups, except the content of ballots, sealed while a vote is open and never linked to anyone once it is closed.',
    contents: 'Contents',
    legendTitle: 'Personal data',
    personal: {
      yes: { label: 'Yes', meaning: 'it identifies a member, or says something about them or what they did.' },
      pseudonymous: {
        label: 'Through an id',
        meaning: 'an opaque id or a keyed hash that points to a member without naming them.',
      },
      no: { label: 'No', meaning: 'about nobody.' },
    },
    table: 'Database table',
    retention: 'How long',
    visibleTo: 'Who can see it',
    caption: 'Fields of the table “{title}”',
    columns: {
      field: 'Field',
      what: 'What it is',
      why: 'Why it is kept',
      retention: 'How long',
      visibleTo: 'Who can see it',
      personal: 'Personal data',
    },
    sameAsTable: 'As for the whole table',
  },
  undescribed: 'Not described yet.',
  groups: {
    account: { title: 'Your account', intro: 'What lets you sign in and hear from Plenum.' },
    contributions: {
      title: 'Your contributions',
      intro:
        'Amendments, supports and comments. What you write is meant to be read and stays part of the program’s history; who supports what is never shown.',
    },
    groups: {
      title: 'Local groups',
      intro: 'Groups members create near where they live. Which group you belong to is seen only by its other members.',
    },
    votes: {
      title: 'Votes',
      intro: 'Who may vote and who voted are kept apart from the ballots, which are never linked to a member.',
    },
    program: {
      title: 'The program’s text',
      intro: 'The program and its published versions: the movement’s public text.',
    },
    moderation: { title: 'Moderation and audit', intro: 'Reports to moderators, and the trail of who decided what.' },
    technical: { title: 'Technical', intro: 'What keeps the service safe and the shared texts in sync.' },
  },
  models: {
    // ───────────────────────────── Your account ─────────────────────────────
    Member: {
      title: 'Your account’s details',
      summary: 'One row per person with an account.',
      retention:
        'Until you delete your account. Then every personal field is erased at once; the row stays as an empty tombstone (its id and dates), so that what you contributed is signed “former member” and every count stays right.',
      visibleTo: 'You, and the administrators of this instance.',
      fields: {
        id: {
          what: 'A random identifier of your account.',
          why: 'It ties your sessions and contributions to your account, and says nothing about you.',
          retention: 'Kept on the tombstone after deletion, where it names no one.',
          visibleTo: 'Used inside pages’ data; on its own it reveals nothing.',
        },
        email: {
          what: 'Your email address, stored in lower case.',
          why: 'To sign you in, and to mail you the links that confirm your address or reset your password, and the digest if you ask for it.',
          retention: 'Until you change it or delete your account (it is then replaced by a meaningless placeholder).',
        },
        displayName: {
          what: 'The name you chose.',
          why: 'It signs your amendments and comments, and lets co-authors find you.',
          retention: 'Until you change it or delete your account; your contributions then read “former member”.',
          visibleTo: 'Everyone who can read your contributions (the public when the program is public).',
        },
        passwordHash: {
          what: 'An Argon2id hash of your password; the password itself is never stored.',
          why: 'To check your password when you sign in.',
          retention: 'Until you change your password or delete your account.',
          visibleTo: 'Nobody: no page shows it and your export leaves it out.',
        },
        role: { what: 'Member, moderator or administrator.', why: 'It decides what you may do.' },
        emailVerifiedAt: {
          what: 'When you confirmed your address.',
          why: 'Only members with a confirmed address are in the census of a vote.',
        },
        locale: {
          what: 'Your language: French, English or Spanish.',
          why: 'Pages and mails in your language, on every device.',
          visibleTo: ONLY_YOU,
        },
        createdAt: {
          what: 'When you joined.',
          why: 'The census of a vote includes the members who joined before a date the round sets.',
          retention: 'Kept on the tombstone after deletion.',
        },
        lastActiveAt: {
          what: 'When you last used Plenum while signed in (noted at most once a minute).',
          why: 'To count active members: a support threshold may be a share of the members active in recent days, and the participation page says how many are active.',
        },
        emailDigest: {
          what: 'Whether you asked for the email digest of your notifications (off unless you turn it on).',
          why: 'Nothing is mailed to you beyond what you asked for.',
          visibleTo: ONLY_YOU,
        },
        digestKey: {
          what: 'The secret in the digest’s one-click unsubscribe link, new each time you opt in.',
          why: 'So that the link in a mail turns the digest off without signing in, and only yours.',
          retention: 'Until you turn the digest off.',
          visibleTo: 'Nobody on the site: it is only in the links mailed to you.',
        },
        digestSentAt: {
          what: 'When the last digest was mailed to you.',
          why: 'At most one digest a day.',
          visibleTo: NOBODY,
        },
        area: {
          what: 'Optional: a town or a postcode, as you write it.',
          why: 'To suggest local groups near you.',
          visibleTo: ONLY_YOU,
        },
        voteAnnouncements: {
          what: 'Whether you asked for the announcements of phases: an email before a program moves to its next phase by itself (off unless you turn it on).',
          why: 'Nothing is mailed to you beyond what you asked for.',
          visibleTo: ONLY_YOU,
        },
        announceKey: {
          what: 'The secret in that email’s one-click unsubscribe link, new each time you opt in.',
          why: 'So that the link in a mail turns these emails off without signing in, and only yours.',
          retention: 'Until you turn these emails off.',
          visibleTo: 'Nobody on the site: it is only in the links mailed to you.',
        },
        suspendedAt: {
          what: 'When an administrator suspended the account, if ever.',
          why: 'A suspended member takes part in nothing, but may still export or delete their data.',
          retention: 'Until the suspension is lifted; kept on the tombstone after deletion.',
        },
        suspendedReason: {
          what: 'Why the account was suspended, in the administrator’s words.',
          why: 'So that you know why, as the administrators do.',
          retention:
            'Until the suspension is lifted or you delete your account; the audit trail keeps the reason given at the time, under an opaque id.',
        },
        deletedAt: {
          what: 'When the account was deleted.',
          why: 'It marks the tombstone: nobody can sign in to it, and its contributions read “former member”.',
          retention: 'Forever, with the tombstone.',
        },
        totpSecret: {
          what: 'The secret your authenticator app shares with Plenum, if you turned on two-factor authentication; encrypted with a key kept outside the database.',
          why: 'To check the six-digit codes of your app.',
          retention:
            'Until you turn two-factor authentication off or delete your account. Never included in your data download: it would work as a second factor.',
          visibleTo: NOBODY,
        },
        totpEnabledAt: {
          what: 'When you turned on two-factor authentication.',
          why: 'To ask for a code when you sign in; administrators see whether it is on.',
          visibleTo: 'You and the administrators (on or off).',
        },
        totpLastStep: {
          what: 'The 30-second period of the last code accepted from your app.',
          why: 'A code is accepted only once.',
          visibleTo: NOBODY,
        },
        moderationDigest: {
          what: 'Moderators: whether their moderation notifications are also mailed once a day (none unless they choose it).',
          why: 'Nothing is mailed to you beyond what you asked for.',
          visibleTo: ONLY_YOU,
        },
        moderationDigestSecret: {
          what: 'The key that signs the moderators’ digest’s one-click unsubscribe link, new each time you turn it on.',
          why: 'So that the link in a mail turns that digest off without signing in, and only yours, once.',
          retention: 'Until you turn that digest off.',
          visibleTo: 'Nobody: only its signature is in the links mailed to you.',
        },
      },
    },
    Session: {
      title: 'Signed-in devices',
      summary: 'One row per browser in which you are signed in.',
      retention:
        'A session lasts 30 days and is extended while you use it; unused for 14 days, it is closed. The row is deleted when you log out, log out your other devices, change or reset your password, or delete your account; a session that expired or went unused is deleted within ten minutes.',
      visibleTo: 'You: your account page counts your devices, and your export lists them.',
      fields: {
        id: {
          what: 'The SHA-256 hash of the random token in your session cookie; the token itself is never stored.',
          why: 'To recognise your browser without storing anything that would let someone with the database sign in as you.',
          visibleTo: NOBODY,
        },
        memberId: { what: 'Whose session it is.', why: 'To know who is signed in.' },
        createdAt: {
          what: 'When you signed in on this device.',
          why: 'So that you can spot a device you do not know.',
        },
        expiresAt: {
          what: 'When the session ends unless it is used again.',
          why: 'Sessions expire: 30 days, extended while you use them.',
        },
        lastUsedAt: {
          what: 'When the session was last used (noted at most once a minute).',
          why: 'To close sessions unused for 14 days.',
        },
        userAgent: {
          what: 'How your browser describes itself (browser and system), cut to 300 characters.',
          why: 'So that you can tell your devices apart in your export.',
        },
      },
    },
    EmailToken: {
      title: 'Links sent by email',
      summary: 'One row per link mailed to you to confirm an address or to reset your password.',
      retention:
        'A confirmation link works for 48 hours, a reset link for 1 hour, each only once. The row is deleted a day after the link was used or expired (meanwhile it also limits links to 5 of a kind an hour).',
      visibleTo: 'Nobody: no page shows these rows, and only the hash of each link’s secret is stored.',
      fields: {
        id: {
          what: 'The SHA-256 hash of the secret in the link; the secret itself is only in the mail.',
          why: 'To check a link when it is followed, without storing anything that would work as a link.',
        },
        memberId: { what: 'Whose link it is.', why: 'To act on the right account when it is followed.' },
        purpose: { what: 'Confirm an address, or reset a password.', why: 'A link does only what it was sent for.' },
        email: {
          what: 'The address the link was sent to (the new one, when you change your address).',
          why: 'An address becomes yours only when a link sent to it is followed.',
        },
        expiresAt: {
          what: 'When the link stops working: 48 hours to confirm an address, 1 hour to reset a password.',
          why: 'Old links must not work.',
        },
        usedAt: {
          what: 'When the link was used, or cancelled (changing your password cancels pending links).',
          why: 'A link works once.',
        },
        createdAt: { what: 'When the link was sent.', why: 'At most 5 links of each kind an hour.' },
      },
    },
    RecoveryCode: {
      title: 'Recovery codes',
      summary:
        'The ten single-use codes that let you sign in without your phone, if you turned on two-factor authentication.',
      retention: 'Until you replace them, turn two-factor authentication off or delete your account.',
      visibleTo: 'Nobody: they are shown to you once, and only their SHA-256 hash is stored.',
      fields: {
        id: ROW_ID,
        memberId: { what: 'Whose code it is.', why: 'To check it for the right account.' },
        codeHash: {
          what: 'The SHA-256 hash of the code.',
          why: 'To check a code without storing anything that would work as one.',
        },
        usedAt: {
          what: 'When the code was used (to sign in or to turn two-factor authentication off).',
          why: 'A code works once.',
        },
        createdAt: { what: 'When the code was made.', why: DATES_WHY },
      },
    },
    Notification: {
      title: 'Your notifications',
      summary:
        'What happened to your amendments and comments: shown in Plenum and, if you asked for it, in a daily email digest.',
      retention: 'Until you delete your account; read notifications are kept so that your list stays complete.',
      visibleTo: ONLY_YOU,
      fields: {
        id: ROW_ID,
        memberId: { what: 'Who it is for.', why: 'To show it to you only.' },
        kind: {
          what: 'What happened: an invitation to co-author, a threshold reached or missed, a moderators’ decision, an update needed, a reply, a hidden comment, an amendment you support rewritten, a vote’s result.',
          why: 'To write the message.',
        },
        amendmentId: AMENDMENT_REF,
        roundId: {
          what: 'For moderators, about a report on a voter roll: the round it is about.',
          why: 'To link to it.',
        },
        commentId: { what: 'For a reply or a hidden comment: the comment it is about.', why: 'To link to it.' },
        data: {
          what: 'Details for the message: which decision, or who acted (their display name as it was then).',
          why: 'To say what happened without looking it up again.',
        },
        createdAt: { what: CREATED, why: DATES_WHY },
        readAt: { what: 'When you read it, or marked it read.', why: 'To count what you have not read yet.' },
        emailedAt: { what: 'When it went out in an email digest.', why: 'Nothing is mailed twice.' },
      },
    },
    // ───────────────────────────── Your contributions ─────────────────────────────
    Amendment: {
      title: 'Amendments',
      summary:
        'A proposed change to the program: drafted by its authors, then submitted, supported, moderated and voted on.',
      retention:
        'As long as the movement keeps the program: amendments are its history. A withdrawn amendment stays, marked withdrawn. If you delete your account, your amendments stay, signed “former member”.',
      visibleTo:
        'A draft: its authors and the members invited to co-author it. Once submitted: whoever may read the program.',
      fields: {
        id: ROW_ID,
        programId: { ...PROGRAM_REF, what: 'The program it amends.' },
        sectionId: {
          what: 'The section it changes or deletes, or after which it adds a new one.',
          why: 'To apply it to the right place.',
        },
        kind: { what: 'Change, addition or deletion of a section.', why: 'To apply it correctly.' },
        status: {
          what: 'Where it stands: draft, submitted, qualified, expired, admissible, inadmissible, merged, in vote, adopted, rejected, applied or withdrawn.',
          why: 'To run the process.',
        },
        title: { what: 'Its title, written by its authors.', why: 'To name it.' },
        justification: {
          what: 'Why its authors propose it, in their words.',
          why: 'Members support and vote knowing why.',
        },
        newTitle: { what: 'For an addition: the title of the new section.', why: 'To create the section.' },
        baseText: {
          what: 'The section’s text when the amendment was started.',
          why: 'Its change is measured against it.',
        },
        proposedText: {
          what: 'The proposed text, frozen at submission (while it is a draft, the text lives in the live texts).',
          why: 'What members support and vote on.',
        },
        createdById: {
          what: 'The member who started it.',
          why: 'To know who started it; the authors are listed separately.',
          visibleTo: NOT_SHOWN,
        },
        createdAt: { what: CREATED, why: DATES_WHY },
        updatedAt: { what: UPDATED, why: DATES_WHY },
        submittedAt: {
          what: 'When it was submitted.',
          why: 'Support is collected from then on, and ties go to the earliest submitted.',
        },
        supportsNeeded: {
          what: 'How many supports it needs, fixed at submission.',
          why: 'The threshold does not move once it is submitted.',
        },
        supportRule: {
          what: 'How the threshold was set: a number, a share of the active members, or a share of the validated local groups.',
          why: 'The threshold is shown with what it was computed from.',
        },
        supportValue: { what: 'The number, or the percentage, of that rule.', why: 'Shown with the threshold.' },
        supportActiveDays: {
          what: 'For a share: how many days of activity make a member active.',
          why: 'Shown with the threshold.',
        },
        supportDenominator: {
          what: 'For a share: how many members were active at submission (a count, no names).',
          why: 'Shown with the threshold.',
        },
        supportDeadline: {
          what: 'Until when it collects supports.',
          why: 'An amendment that misses its threshold in time expires.',
        },
        qualifiedAt: { what: 'When it reached its threshold.', why: DATES_WHY },
        collisionGroup: {
          what: 'The group of amendments that change the same words, if any.',
          why: 'A group goes to the vote as one preferential question.',
        },
        needsUpdate: {
          what: 'Whether the section moved under it in a way its authors must take into account.',
          why: 'Its authors are asked to update it.',
        },
        rebaseTo: { what: 'The section’s new text it must be rewritten against.', why: 'The base of its update.' },
        revision: {
          what: 'How many times its authors were asked to rewrite it, and did.',
          why: 'Each update is drafted in a new live text.',
        },
        mergedIntoId: {
          what: 'When merged as a duplicate: the amendment it was merged into.',
          why: 'To point readers to it.',
        },
        roundId: { what: 'The voting round that settles it.', why: 'To put it to the vote.' },
        compromiseOfId: {
          what: 'For a compromise of the drafting committee: the amendment it proposes to replace.',
          why: 'To put both in one vote, and to replace one by the other if its authors agree.',
        },
        duplicateKey: {
          what: 'A fingerprint of the change last measured for possible duplicates.',
          why: 'To measure an amendment again only when its change differs.',
        },
      },
    },
    AmendmentAuthor: {
      title: 'Authors of amendments',
      summary: 'Who wrote an amendment: the member who started it, and the co-authors who accepted an invitation.',
      retention:
        'As long as the amendment exists. You may leave a draft while another author remains. If you delete your account, the row stays and you appear as “former member”.',
      visibleTo: 'Whoever may read the amendment: authors are named publicly on a submitted amendment.',
      fields: {
        amendmentId: AMENDMENT_REF,
        memberId: { what: 'The author.', why: 'A political text is signed by those who wrote it.' },
        invitedById: {
          what: 'For a co-author: who invited them.',
          why: 'To keep track of how the authors came together.',
        },
        addedAt: { what: 'When they became an author.', why: 'Authors are listed in that order.' },
      },
    },
    AmendmentSupport: {
      title: 'Supports',
      summary: 'That you support a submitted amendment: one per member and amendment.',
      retention:
        'You may withdraw it until the support deadline; after that it is kept as long as the amendment, so that a threshold reached stays reached (also if you delete your account).',
      visibleTo: 'You. Everyone else sees only the number of supports, never who gave them.',
      fields: {
        amendmentId: AMENDMENT_REF,
        memberId: { what: 'Who supports it.', why: 'One support per member, which only they may withdraw.' },
        createdAt: { what: 'When you gave it.', why: 'Only supports given before the deadline count.' },
      },
    },
    CoauthorInvitation: {
      title: 'Invitations to co-author',
      summary: 'An invitation to co-author a draft: nobody is named on a political text without accepting.',
      retention:
        'Until you accept or decline it, or the draft is submitted or withdrawn (it then lapses); deleted with your account.',
      visibleTo:
        'You. The authors who invite an address are not told whether it is a member’s, nor whose: your name appears on the draft only once you accept.',
      fields: {
        amendmentId: AMENDMENT_REF,
        memberId: { what: 'The member invited.', why: 'Only they may accept or decline.' },
        invitedById: { what: 'The author who invited them.', why: 'So that the invited member knows who asks.' },
        createdAt: { what: CREATED, why: DATES_WHY },
      },
    },
    Comment: {
      title: 'Comments',
      summary: 'Comments in the debate of an amendment, and replies to them.',
      retention:
        'As long as the amendment exists. If you delete your account, your comments stay, with their text, signed “former member”.',
      visibleTo:
        'Whoever may read the amendment. A comment hidden by moderators shows only “hidden by moderation” and the reason.',
      fields: {
        id: ROW_ID,
        amendmentId: { ...AMENDMENT_REF, what: 'The amendment debated.' },
        authorId: {
          what: 'Who wrote it.',
          why: 'A comment is signed with its author’s name.',
          retention: 'Erased when its author deletes their account.',
        },
        parentId: { what: 'For a reply: the comment it answers.', why: 'To show the thread.' },
        stance: {
          what: 'For, against, or a question (replies have none).',
          why: 'Readers see the arguments on each side.',
        },
        body: {
          what: 'The comment as rich text, made from what its author typed.',
          why: 'To show it.',
          visibleTo:
            'Whoever may read the amendment, unless moderators hid it: then nobody on the site (it stays in its author’s export).',
        },
        source: {
          what: 'What its author typed.',
          why: 'So that they can edit it during the 15 minutes after posting.',
          visibleTo: 'Its author (and in their export).',
        },
        createdAt: { what: CREATED, why: DATES_WHY },
        editedAt: { what: 'When its author last edited it.', why: 'Readers see that it was edited.' },
        hiddenAt: { what: 'When moderators hid it.', why: DATES_WHY },
        hiddenReason: {
          what: 'Why moderators hid it, in their words.',
          why: 'Everyone reads the reason instead of the text.',
        },
        hiddenById: {
          what: 'The moderator who hid it.',
          why: 'Moderators answer for their decisions.',
          visibleTo: 'The moderation log names the moderator.',
        },
      },
    },
    // ───────────────────────────── Local groups ─────────────────────────────
    Group: {
      title: 'Local groups',
      summary: 'A local group created by members and validated by moderators.',
      retention: 'As long as the movement keeps the group.',
      visibleTo:
        'Everyone sees a validated group (its name, area, description and size); a group waiting for moderators is seen by its members and the moderators.',
      fields: {
        id: ROW_ID,
        name: { what: 'Its name, chosen by its founder.', why: 'To name it.' },
        area: {
          what: 'Where it meets or acts: a town, a district or a postcode, as its founder writes it.',
          why: 'Members find the groups near them.',
        },
        description: { what: 'What the group is about.', why: 'To present it.' },
        status: {
          what: 'Waiting for moderators, validated or rejected.',
          why: 'Only validated groups endorse amendments.',
        },
        createdById: { what: 'The member who created it.', why: 'To know who founded it.', visibleTo: NOT_SHOWN },
        createdAt: { what: CREATED, why: DATES_WHY },
        decidedAt: { what: 'When moderators validated or rejected it.', why: DATES_WHY },
        decidedById: {
          what: 'The moderator who decided.',
          why: 'Moderators answer for their decisions.',
          visibleTo: NOT_SHOWN,
        },
        decisionReason: { what: 'The moderators’ reason, shown with the group.', why: 'Decisions are explained.' },
      },
    },
    Follow: {
      title: 'What you follow',
      summary: 'The programs, chapters, sections and amendments you follow, to be told of what happens in them.',
      retention: 'Until you stop following it, it goes, or you delete your account.',
      visibleTo: 'Only you.',
      fields: {
        memberId: { what: 'You.', why: 'To know whom to tell.' },
        target: { what: 'What you follow.', why: 'To know what to tell you about.' },
        programId: { what: 'Its program.', why: 'To list what you follow by program.' },
        chapterId: { what: 'The chapter, if you follow one.', why: 'To tell you of what happens in it.' },
        sectionId: { what: 'The section, if you follow one.', why: 'To tell you of what happens in it.' },
        amendmentId: {
          what: 'The amendment, if you follow one (you follow yours from the start).',
          why: 'To tell you of what happens to it.',
        },
        createdAt: { what: 'When you started following it.', why: 'To list what you follow in order.' },
      },
    },
    ChapterAssignment: {
      title: 'Chapters moderators took',
      summary: 'That a moderator took a chapter, to see first what concerns it.',
      retention: 'Until they release the chapter, it goes, or they delete their account.',
      visibleTo: 'The moderators.',
      fields: {
        chapterId: { what: 'The chapter.', why: 'To put what concerns it first.' },
        memberId: { what: 'The moderator.', why: 'To know who took it.' },
        createdAt: { what: 'When they took it.', why: 'To show since when.' },
      },
    },
    GroupMembership: {
      title: 'Members of local groups',
      summary: 'That you belong to a local group, and whether you coordinate it.',
      retention: 'Until you leave the group or delete your account.',
      visibleTo:
        'The group’s members: its member list is shown to them only. Everyone else sees only the group’s size.',
      fields: {
        groupId: { what: 'The group.', why: 'To know who belongs to it.' },
        memberId: { what: 'The member.', why: 'To know who belongs to it.' },
        coordinator: {
          what: 'Whether they coordinate the group (its founder does, first).',
          why: 'Coordinators endorse amendments on the group’s behalf.',
        },
        joinedAt: {
          what: 'When they joined.',
          why: 'When the last coordinator leaves, the longest-standing member takes over.',
        },
      },
    },
    GroupEndorsement: {
      title: 'Endorsements by groups',
      summary:
        'A validated group’s endorsement of an amendment, given by one of its coordinators; it counts when the threshold is a share of the validated groups.',
      retention: 'As long as the amendment and the group.',
      visibleTo: 'Whoever can see the group: its page lists the amendments it endorsed.',
      fields: {
        groupId: { what: 'The group.', why: 'One endorsement per group.' },
        amendmentId: AMENDMENT_REF,
        endorsedById: {
          what: 'The coordinator who gave it.',
          why: 'Coordinators answer for what they do on the group’s behalf.',
          visibleTo: NOT_SHOWN,
        },
        createdAt: { what: CREATED, why: DATES_WHY },
      },
    },
    // ───────────────────────────── Votes ─────────────────────────────
    VotingRound: {
      title: 'Voting rounds',
      summary: 'A vote that settles amendments: its dates and rules and, once it is closed, its results.',
      retention: 'Forever: the results and the ballot board are the public record of the vote.',
      visibleTo: PROGRAM_READERS,
      fields: {
        id: ROW_ID,
        programId: PROGRAM_REF,
        number: { what: 'Its number within the program.', why: 'To name it.' },
        title: { what: 'Its title.', why: 'To name it.' },
        explanation: { what: 'What moderators say about it.', why: 'To inform voters.' },
        opensAt: { what: 'When it opens.', why: 'It opens by itself.' },
        closesAt: { what: 'When it closes.', why: 'It closes and is counted by itself.' },
        status: { what: 'Scheduled, open or closed.', why: 'To run it.' },
        quorumPercent: {
          what: 'The minimum turnout, as a share of the census.',
          why: 'A counting rule, shown to all.',
        },
        majorityNumerator: {
          what: 'The majority needed (its numerator, e.g. 1 of 1/2).',
          why: 'A counting rule, shown to all.',
        },
        majorityDenominator: { what: 'The majority needed (its denominator).', why: 'A counting rule, shown to all.' },
        questionMajorities: { what: 'Majorities set for single amendments.', why: 'A counting rule, shown to all.' },
        method: {
          what: 'How competing amendments are settled: Schulze, Borda or Dowdall.',
          why: 'A counting rule, shown to all.',
        },
        censusJoinedBefore: {
          what: 'Who may vote: members who joined before this date (with a confirmed address).',
          why: 'The census rule is public.',
        },
        censusSize: {
          what: 'How many members may vote (a count, fixed at the opening).',
          why: 'For turnout and quorum.',
        },
        censusRule: {
          what: 'The rule the census was frozen by (every verified member, or the register in good standing).',
          why: 'The census rule is public.',
        },
        censusCommitment: {
          what: 'A SHA-256 over the salted hashes of the census entries, published at the opening.',
          why: 'So that a dispute about who could vote can be settled later without publishing the list.',
        },
        openedAt: { what: 'When it actually opened.', why: DATES_WHY },
        closedAt: { what: 'When it actually closed.', why: DATES_WHY },
        results: {
          what: 'The tally, written at the close; nothing of it exists before.',
          why: 'To publish the results.',
        },
        boardSha256: {
          what: 'The SHA-256 of the published ballot board.',
          why: 'Anyone can check that a downloaded board is the one published.',
        },
        rollSize: {
          what: 'How many members voted (the voter roll’s size), stated on the board at the close.',
          why: 'Anyone can check that the board counts one ballot per voter.',
        },
        createdById: {
          what: 'The moderator who created it.',
          why: 'Moderators answer for their decisions.',
          visibleTo: NOT_SHOWN,
        },
        createdAt: { what: CREATED, why: DATES_WHY },
        binding: {
          what: 'Whether each ballot asks for a one-time code (a binding round).',
          why: 'A binding decision needs more than a session to be cast.',
        },
      },
    },
    RoundQuestion: {
      title: 'Questions of a round',
      summary:
        'A question put to the vote, fixed when the round opens: one amendment, or competing amendments to rank.',
      retention: 'Forever, with the round.',
      visibleTo: PROGRAM_READERS,
      fields: {
        id: ROW_ID,
        roundId: ROUND_REF,
        position: { what: 'Its place on the ballot.', why: 'To order the ballot.' },
        kind: { what: 'Yes/no, or a ranking.', why: 'To count it correctly.' },
        title: { what: 'The question as voters read it.', why: 'To show it.' },
        amendmentId: { ...AMENDMENT_REF, what: 'For yes/no: the amendment.' },
        collisionGroup: { what: 'For a ranking: the group of competing amendments.', why: 'To count it.' },
        alternatives: {
          what: 'For a ranking: the choices, “keep the current text” first.',
          why: 'Their order also breaks ties.',
        },
        majorityNumerator: {
          what: 'The majority this question needs (numerator).',
          why: 'A counting rule, shown to all.',
        },
        majorityDenominator: {
          what: 'The majority this question needs (denominator).',
          why: 'A counting rule, shown to all.',
        },
      },
    },
    RegisterEntry: {
      title: 'Membership register',
      summary:
        'The movement’s member list, imported by administrators: address, name, membership number, local group and the date membership runs to. Nothing else from the file is kept.',
      retention:
        'As long as the movement lists you. No longer listed: marked lapsed, kept so that the census of past rounds can be explained. Deleted with your account.',
      visibleTo: 'Administrators. You, in your data export.',
      fields: {
        id: ROW_ID,
        email: { what: 'The address the movement lists.', why: 'To invite you and to tie the entry to your account.' },
        name: { what: 'Your name as the movement lists it.', why: 'To recognise the entry.' },
        membershipNumber: {
          what: 'Your membership number, if the movement gives one.',
          why: 'To recognise the entry.',
        },
        localGroup: { what: 'Your local group as the movement lists it.', why: 'The movement keeps it with its list.' },
        memberUntil: {
          what: 'The last day your membership runs to.',
          why: 'Votes under the register rule count members in good standing on the opening day.',
        },
        lapsedAt: { what: 'When an import no longer listed you.', why: 'A lapsed member is not in the census.' },
        memberId: { what: 'Your account, once tied to the entry.', why: 'The census counts accounts.' },
        inviteTokenHash: {
          what: 'The hash of your invitation link (the link itself is never stored).',
          why: 'The link creates your account once.',
          visibleTo: NOT_SHOWN,
        },
        invitedAt: { what: 'When the invitation was mailed.', why: 'Each entry is invited once.' },
        importedAt: { what: 'When the entry was first imported.', why: DATES_WHY },
        updatedAt: { what: UPDATED, why: DATES_WHY },
      },
    },
    RegisterUpload: {
      title: 'Register files awaiting confirmation',
      summary: 'A register file an administrator uploaded, kept between its preview and its import.',
      retention: 'Until it is imported, at most an hour.',
      visibleTo: NOT_SHOWN,
      fields: {
        id: ROW_ID,
        createdById: { what: 'The administrator who uploaded it.', why: 'Only they may confirm it.' },
        fileName: { what: 'The file’s name.', why: 'Shown in the preview.' },
        content: { what: 'The file as uploaded.', why: 'The import reads exactly the file previewed.' },
        createdAt: { what: CREATED, why: 'Removed after an hour.' },
      },
    },
    CensusEntry: {
      title: 'Census of a round',
      summary:
        'Who may vote in a round, fixed when it opens: members with a confirmed address who joined before the round’s date.',
      retention:
        'Forever, so that the census size can be checked. If you delete your account, your entry loses your id and stays as an anonymous line: no count changes.',
      visibleTo: 'You (whether you may vote). Everyone else sees only the size of the census.',
      fields: {
        id: ROW_ID,
        roundId: ROUND_REF,
        memberId: {
          what: 'A member who may vote.',
          why: 'Only members of the census may cast a ballot.',
          retention: 'Erased when you delete your account.',
        },
        salt: {
          what: 'A random value drawn for your entry when the census froze.',
          why: 'Given only to you, it lets you prove you were counted; without it your hash reveals nothing.',
          visibleTo: 'You alone, on the round’s page.',
        },
        leaf: {
          what: 'The hash of the salt and your member id.',
          why: 'What the published census commitment is computed over; kept after a deletion so the commitment still checks.',
          visibleTo: 'You alone, on the round’s page.',
        },
      },
    },
    VoterRoll: {
      title: 'Voter roll',
      summary:
        'That you voted in a round, and nothing of how or when. Kept apart from the ballots: nothing links the two.',
      retention:
        'Forever, as the record of turnout. If you delete your account, your entry loses your id (the count stays).',
      visibleTo:
        'You (that you voted); after the close, the members of the round’s census and the moderators see who voted (your name as you show it), never how. The public sees only the turnout.',
      fields: {
        id: ROW_ID,
        roundId: ROUND_REF,
        memberId: {
          what: 'A member who voted.',
          why: 'Turnout is counted from it; it never says how you voted.',
          retention: 'Erased when you delete your account.',
        },
      },
    },
    MailMessage: {
      title: 'Mail about votes (queue)',
      summary:
        'The call to vote sent to everyone in a round’s census when it opens, and the reminders moderators schedule for those who have not voted. The queue holds no address and no text: the mail is written when it is sent.',
      retention: 'Until 30 days after the round closes, or until you delete your account.',
      visibleTo: 'Moderators see counts only (queued, sent, failed), never who.',
      fields: {
        id: {
          what: 'The mail’s idempotency key: its kind, the round or reminder, and the member.',
          why: 'So that no mail is queued or sent twice.',
        },
        kind: { what: 'Call to vote or reminder.', why: 'To write the right mail.' },
        roundId: ROUND_REF,
        programId: { what: 'The program a phase notice is about.', why: 'To write the notice.' },
        memberId: { what: 'The member it goes to.', why: 'To find the address when it is sent.' },
        status: { what: 'Queued, being sent, sent, no longer needed or failed.', why: 'To send each mail once.' },
        attempts: { what: 'How many times sending was tried.', why: 'Retries wait longer each time, then stop.' },
        nextAttemptAt: { what: 'When it may be tried again.', why: 'To wait for a mail server that is down.' },
        queuedAt: {
          what: 'When it was queued.',
          why: 'So that the operator sees how long mails wait (a count over the whole queue, never per member).',
        },
        sentAt: { what: 'When the mail server accepted it.', why: 'To count what was sent.' },
        error: {
          what: 'Why the last attempt failed: a code, never an address.',
          why: 'So that someone running the server can see a mail server’s trouble.',
        },
      },
    },
    RoundMailing: {
      title: 'Mailing of a round',
      summary:
        'The secret that signs the stop-reminders links of a round’s mails, and when its call to vote was queued.',
      retention: 'As long as the round.',
      visibleTo: NOBODY,
      fields: {
        roundId: ROUND_REF,
        secret: { what: 'A random secret.', why: 'So that only the link mailed to you can stop your reminders.' },
        queuedAt: { what: 'When the call to vote was queued.', why: 'To queue it once.' },
      },
    },
    RoundReminder: {
      title: 'Reminders of a round',
      summary: 'A reminder a moderator scheduled for the census members who have not voted.',
      retention: 'As long as the round.',
      visibleTo: 'The program’s moderators.',
      fields: {
        id: ROW_ID,
        roundId: ROUND_REF,
        sendAt: { what: 'When it goes out.', why: 'To send it on time.' },
        queuedAt: { what: 'When it was queued.', why: 'To queue it once.' },
        createdById: { what: 'The moderator who scheduled it.', why: 'Accountability (also in the audit trail).' },
        createdAt: { what: CREATED, why: DATES_WHY },
      },
    },
    ReminderStop: {
      title: 'Stopped reminders',
      summary: 'That you stopped the reminders of one round, with the link of its mail.',
      retention: 'As long as the round, or until you delete your account.',
      visibleTo: NOBODY,
      fields: {
        roundId: ROUND_REF,
        memberId: { what: 'The member who stopped them.', why: 'To send them no more reminders of that round.' },
      },
    },
    TurnoutCount: {
      title: 'Turnout over time',
      summary:
        'How many members cast their first ballot in each hour of a round: counts only. Nobody’s time of voting is kept, and nothing links a count to a member.',
      retention: 'As long as the round.',
      visibleTo: 'Whoever may read the round (its turnout chart).',
      fields: {
        roundId: ROUND_REF,
        hour: { what: 'An hour of the round.', why: 'To draw turnout over time.' },
        shard: {
          what: 'One of 16 counters of the hour, picked at random.',
          why: 'So that ballots cast at once do not wait for each other.',
        },
        voters: { what: 'How many first ballots were cast in that hour.', why: 'To draw turnout over time.' },
      },
    },
    Ballot: {
      title: 'Ballots',
      summary:
        'The ballots. A ballot is never linked to a member: it holds no member id, no name and no time. While the round is open it is sealed with the round’s key, kept outside the database; at the close every ballot is opened, counted and published anonymously on the ballot board, and the key is destroyed.',
      retention:
        'Sealed until the close, then anonymous forever on the ballot board. The round’s key is destroyed at the close: after that nobody, the people running the server included, can link a ballot to a member.',
      visibleTo:
        'While the round is open: nobody (sealed; only someone in control of the server and of the round’s key could open them). After the close: everyone, on the ballot board, with no link to any voter; only you know which tracking code is yours.',
      fields: {
        id: { ...ROW_ID, what: 'A random identifier, drawn again at the close.' },
        roundId: ROUND_REF,
        slot: {
          what: 'While the round is open: a keyed hash (HMAC) of the voter’s id under the round’s key.',
          why: 'So that voting again replaces your previous ballot.',
          retention: 'Erased at the close.',
          visibleTo: 'Nobody.',
        },
        sealed: {
          what: 'While the round is open: the answers, a random value and the tracking code, encrypted (AES-256-GCM) under the round’s key and padded to one size.',
          why: 'Nobody can read a ballot or a partial result before the close.',
          retention: 'Erased at the close.',
          visibleTo: 'Nobody.',
        },
        code: {
          what: 'After the close: the ballot’s tracking code, the receipt its voter saw once.',
          why: 'Each voter checks that their ballot was counted.',
        },
        nonce: {
          what: 'After the close: the random value that, with the answers, recomputes the code.',
          why: 'Anyone can check that no ballot was changed.',
        },
        answers: { what: 'After the close: the ballot’s answers.', why: 'Anyone can recount the vote.' },
      },
    },
    // ───────────────────────────── The program’s text ─────────────────────────────
    Program: {
      title: 'Programs',
      summary: 'A program: its title, summary, phase and the rules moderators set.',
      retention: PROGRAM_LIFETIME,
      visibleTo: PROGRAM_READERS,
      fields: {
        id: ROW_ID,
        slug: { what: 'The short name in its address.', why: 'Readable addresses.' },
        title: { what: 'Its title.', why: 'To name it.' },
        summary: { what: 'Its summary.', why: 'To present it.' },
        phase: { what: 'Drafting, amending, voting or published.', why: 'It decides what members may do.' },
        draftIsPublic: { what: 'Whether the public may read the draft.', why: 'An openness rule.' },
        draftingAccess: {
          what: 'Who writes during drafting: every member, or only named drafters.',
          why: 'A drafting rule.',
        },
        phaseStartedAt: { what: 'When the current phase began.', why: 'Shown with the phase.' },
        phaseEndsAt: {
          what: 'When moderators plan to end the current phase, if they said.',
          why: 'Shown with the phase.',
        },
        supportRule: {
          what: 'What an amendment needs to qualify: a number of supports, a share of the active members, or a share of the validated local groups.',
          why: 'A support rule.',
        },
        supportValue: { what: 'The number, or the percentage, of that rule.', why: 'A support rule.' },
        supportActiveDays: { what: 'How many recent days make a member active.', why: 'A support rule.' },
        supportDays: { what: 'How many days a submitted amendment collects supports.', why: 'A support rule.' },
        applyLeaseUntil: {
          what: 'A lock held while adopted amendments are written into the text or a version is published.',
          why: 'One writer at a time.',
          visibleTo: NOT_SHOWN,
        },
        drafterNamesPublic: {
          what: 'Whether published versions name the members who edited the text directly.',
          why: 'Moderators decide it; off unless they turn it on.',
        },
        censusRule: {
          what: 'Who votes in the program’s rounds: every verified member, or the register’s members in good standing.',
          why: 'Moderators decide it; each round freezes it at its opening.',
        },
        phaseAutoAdvance: {
          what: 'Whether the phase moves to the next one by itself at its planned end.',
          why: 'Moderators decide it; members are told beforehand.',
        },
        phaseNoticeFor: {
          what: 'The planned end whose move members were told of.',
          why: 'To tell them once per date.',
        },
        language: {
          what: 'The language its text is written in.',
          why: 'So that screen readers pronounce it and search stems its words in that language.',
        },
        createdAt: { what: CREATED, why: DATES_WHY },
        updatedAt: { what: UPDATED, why: DATES_WHY },
      },
    },
    Drafter: {
      title: 'Named drafters',
      summary: 'The members moderators named to write a program while its drafting is limited to named drafters.',
      retention: 'Until moderators remove you, or you delete your account.',
      visibleTo: 'The program’s moderators, and you in your export.',
      fields: {
        programId: PROGRAM_REF,
        memberId: { what: 'The drafter.', why: 'Only named drafters write when access is limited.' },
        addedAt: { what: 'When they were named.', why: DATES_WHY },
      },
    },
    CommitteeMember: {
      title: 'Drafting committee',
      summary:
        'The members moderators named to a program’s drafting committee, which recommends a position on each amendment.',
      retention: 'Until moderators remove you, or you delete your account.',
      visibleTo: 'Everyone who reads the program: the committee speaks in public.',
      fields: {
        programId: PROGRAM_REF,
        memberId: {
          what: 'The committee member.',
          why: 'Only the committee records recommendations and drafts compromises.',
        },
        addedAt: { what: 'When they were named.', why: DATES_WHY },
      },
    },
    Recommendation: {
      title: 'The committee’s recommendations',
      summary:
        'The drafting committee’s position on an amendment (adopt, reject, adopt a compromise) and its public reason.',
      retention: 'As long as the amendment.',
      visibleTo: 'Everyone who reads the amendment; the ballot and the results show it.',
      fields: {
        amendmentId: AMENDMENT_REF,
        programId: PROGRAM_REF,
        kind: { what: 'Adopt, reject, or adopt a compromise.', why: 'It is the recommendation.' },
        reason: { what: 'The committee’s public reason.', why: 'Members judge the recommendation by it.' },
        recordedById: {
          what: 'The committee member who recorded it.',
          why: 'It is in the audit log.',
          visibleTo: 'The program’s moderators.',
        },
        createdAt: { what: CREATED, why: DATES_WHY },
        updatedAt: { what: UPDATED, why: DATES_WHY },
      },
    },
    LiveTextWriter: {
      title: 'Who wrote into a section',
      summary:
        'For each section, day and phase: which members wrote into its live text, and when first and last. Never what they typed.',
      retention: 'Until you delete your account, or the section is removed.',
      visibleTo:
        'The program’s moderators. A published version names you among a section’s direct editors only if moderators chose to publish drafters’ names.',
      fields: {
        docName: { what: 'Which live text.', why: 'To find the section.' },
        memberId: { what: 'Who wrote.', why: 'To attribute a change made outside amendments.' },
        day: { what: 'The day (UTC).', why: 'To say when a change was made.' },
        phase: { what: 'The program’s phase at the time.', why: 'To say in which phase a change was made.' },
        firstAt: { what: 'The first write that day.', why: DATES_WHY },
        lastAt: { what: 'The last write that day.', why: DATES_WHY },
      },
    },
    Chapter: {
      title: 'Chapters',
      summary: 'The ordered parts of a program.',
      retention: 'As long as the program, unless moderators remove the chapter (the audit trail records it).',
      visibleTo: PROGRAM_READERS,
      fields: {
        id: ROW_ID,
        programId: PROGRAM_REF,
        position: { what: 'Its place; its number is derived from it.', why: 'To order the program.' },
        title: { what: 'Its title.', why: 'To name it.' },
        createdAt: { what: CREATED, why: DATES_WHY },
      },
    },
    Section: {
      title: 'Sections',
      summary: 'The ordered parts of a chapter, each with its text.',
      retention:
        'As long as the program. A section removed by an adopted amendment is archived, not deleted; moderators may delete one that no amendment refers to.',
      visibleTo: PROGRAM_READERS,
      fields: {
        id: ROW_ID,
        chapterId: { what: 'Its chapter.', why: 'To order the program.' },
        position: { what: 'Its place in the chapter; its number is derived from it.', why: 'To order the program.' },
        title: { what: 'Its title.', why: 'To name it.' },
        content: {
          what: 'The text it was created with (the text being written lives in the live texts).',
          why: 'The live text starts from it.',
        },
        lockedAt: { what: 'When moderators, or a vote, locked it.', why: 'Nobody writes a locked section.' },
        lockReason: { what: 'Why it is locked.', why: 'Shown to everyone who reads it.' },
        lockedByRoundId: {
          what: 'The voting round that locked it, if any.',
          why: 'The lock lifts itself at the close.',
        },
        archivedAt: {
          what: 'When an adopted amendment removed it.',
          why: 'The amendments and history that refer to it stay readable.',
        },
        createdAt: { what: CREATED, why: DATES_WHY },
        updatedAt: { what: UPDATED, why: DATES_WHY },
      },
    },
    AmendmentApplication: {
      title: 'Adopted amendments written into the text',
      summary:
        'Each adopted amendment applied to the text, with the section’s text before and after: where the published program’s provenance comes from.',
      retention: 'Forever: it is the program’s provenance.',
      visibleTo: PROGRAM_READERS,
      fields: {
        id: ROW_ID,
        amendmentId: AMENDMENT_REF,
        programId: PROGRAM_REF,
        sectionId: { what: 'The section changed (or created).', why: 'To trace the change.' },
        status: {
          what: 'Pending, applied, or in conflict (waiting for a moderator).',
          why: 'An adopted amendment is never dropped nor forced.',
        },
        seq: {
          what: 'Its order of application in the program.',
          why: 'Each version’s changelog is the applications since the previous one.',
        },
        before: { what: 'The section’s text before.', why: 'Provenance.' },
        after: { what: 'The section’s text after.', why: 'Provenance.' },
        createdAt: { what: CREATED, why: DATES_WHY },
        appliedAt: { what: 'When it was written into the text.', why: DATES_WHY },
        resolvedById: {
          what: 'For a conflict: the moderator who resolved it.',
          why: 'Moderators answer for their decisions.',
          visibleTo: NOT_SHOWN,
        },
        resolution: {
          what: 'For a conflict: how and why it was resolved, in the moderator’s words.',
          why: 'Provenance.',
        },
      },
    },
    ProgramVersion: {
      title: 'Published versions',
      summary: 'A published version of the program, which never changes.',
      retention: FOREVER_PUBLIC,
      visibleTo: EVERYONE,
      fields: {
        id: ROW_ID,
        programId: PROGRAM_REF,
        number: { what: 'Its number: 1, 2, …', why: 'To name it.' },
        title: { what: 'The program’s title then.', why: 'To show it.' },
        note: { what: 'What this version changes, in the moderators’ words.', why: 'To present it.' },
        throughSeq: { what: 'The last adopted amendment it includes.', why: 'To compute its changelog.' },
        publishedAt: { what: 'When it was published.', why: DATES_WHY },
        publishedById: {
          what: 'The moderator who published it.',
          why: 'Moderators answer for their decisions.',
          visibleTo: NOT_SHOWN,
        },
        outline: {
          what: 'Its table of contents and where each adopted passage comes from: the amendment, its vote, and its authors’ ids (their names are looked up at each reading, so a former member’s name is gone).',
          why: 'Readers see why each passage is there, and who proposed it.',
        },
        changelog: {
          what: 'The amendments applied since the previous version, with their results.',
          why: 'Readers see what changed and why.',
        },
        html: { what: 'The whole version as one page.', why: 'For the one-page view and exports.' },
      },
    },
    VersionSection: {
      title: 'Sections of published versions',
      summary: 'One section of a published version, with where each passage comes from.',
      retention: FOREVER_PUBLIC,
      visibleTo: EVERYONE,
      fields: {
        versionId: { what: 'Its version.', why: 'To find it.' },
        sectionId: { what: 'The section it is a copy of.', why: 'To compare versions section by section.' },
        position: { what: 'Its reading order.', why: 'To order the version.' },
        number: { what: 'Its number, e.g. 3.2.', why: 'To show it.' },
        chapterId: { what: 'Its chapter.', why: 'To group sections.' },
        chapterNumber: { what: 'Its chapter’s number.', why: 'To show it.' },
        chapterTitle: { what: 'Its chapter’s title.', why: 'To show it.' },
        title: { what: 'Its title.', why: 'To show it.' },
        doc: {
          what: 'Its text, each passage marked with the amendment that wrote it.',
          why: 'Readers see where each passage comes from.',
        },
        text: { what: 'Its plain text.', why: 'For search.' },
      },
    },
    // ───────────────────────────── Moderation and audit ─────────────────────────────
    RollReport: {
      title: 'Reports about voter rolls',
      summary:
        'A member who finds themselves on a closed round’s voter roll says they did not vote, with what they tell the moderators: one per member and round.',
      retention: 'As long as the round. Erased when you delete your account.',
      visibleTo: 'The moderators, who see your name, the round and your message; and you, in your export.',
      fields: {
        roundId: ROUND_REF,
        memberId: { what: 'Who reported.', why: 'Moderators need to know whose account voted without them.' },
        message: { what: 'What you told the moderators.', why: 'So that they can look into it.' },
        createdAt: { what: CREATED, why: DATES_WHY },
      },
    },
    CommentReport: {
      title: 'Reports of comments',
      summary: 'A member’s report of a comment to moderators, with the reason: one per member and comment.',
      retention:
        'As long as the comment, also once moderators settled it. If you delete your account, your reports stay under your empty account (“former member”).',
      visibleTo: 'The moderators, who see the reason and the date but not who reported; and you, in your export.',
      fields: {
        commentId: { what: 'The comment reported.', why: 'To settle it.' },
        memberId: {
          what: 'Who reported it.',
          why: 'One report per member and comment.',
          visibleTo: 'Nobody: moderators are not told who reported.',
        },
        reason: { what: 'Why, in your words.', why: 'Moderators decide knowing why.' },
        createdAt: { what: CREATED, why: DATES_WHY },
        resolvedAt: {
          what: 'When moderators settled it: the comment hidden, or kept.',
          why: 'Settled reports leave the moderators’ queue.',
        },
      },
    },
    DuplicateCandidate: {
      title: 'Possible duplicates',
      summary:
        'Two standing amendments of one section that make nearly the same change, with how alike they are, measured when an amendment is submitted or changed.',
      retention: 'While both amendments are in the running, and the pair is not dismissed.',
      visibleTo: 'The moderators, in their queue.',
      fields: {
        amendmentId: AMENDMENT_REF,
        otherId: { what: 'The other amendment of the pair.', why: 'To list the pair.' },
        programId: { what: 'The program of both.', why: 'To list a program’s pairs.' },
        sectionId: { what: 'The section both change.', why: 'To measure a section’s pairs again when it changes.' },
        similarity: { what: 'How alike their changes are.', why: 'To list the most alike first.' },
      },
    },
    DuplicateDismissal: {
      title: 'Amendments judged not duplicates',
      summary:
        'Two amendments that the duplicate detection found alike and that a moderator judged different, with the reason: the pair is no longer listed as possible duplicates.',
      retention: 'As long as both amendments.',
      visibleTo: 'The moderators; the moderation log shows the decision, who took it and why.',
      fields: {
        amendmentId: AMENDMENT_REF,
        otherId: { what: 'The other amendment of the pair.', why: 'To stop listing the pair.' },
        reason: { what: 'Why they are not duplicates, in the moderator’s words.', why: 'Decisions are explained.' },
        createdAt: { what: CREATED, why: DATES_WHY },
      },
    },
    ReasonTemplate: {
      title: 'Reason templates',
      summary:
        'Reasons moderators reuse when they decide amendments, kept per program. A decision copies the words; editing or deleting a template changes no past decision.',
      retention: 'Until a moderator deletes it, or the program is deleted.',
      visibleTo: 'The moderators.',
      fields: {
        id: ROW_ID,
        programId: PROGRAM_REF,
        name: { what: 'A short name for the menu.', why: 'To pick it quickly.' },
        text: { what: 'The reason, in the moderators’ words.', why: 'To give the same reason without retyping it.' },
        createdAt: { what: CREATED, why: DATES_WHY },
        updatedAt: { what: UPDATED, why: DATES_WHY },
      },
    },
    AuditEvent: {
      title: 'Audit trail',
      summary:
        'An append-only record of who did what, and why: sign-ups, changes of role, password or address, moderators’ decisions, phase changes, votes, publications.',
      retention:
        'Forever: the database refuses to change or delete these rows. They hold opaque ids, never an email address or a password; once a member deletes their account, their id names no one.',
      visibleTo:
        'Parts are public with the program (phase changes, an amendment’s timeline, the moderation log, with the names of who acted); events about an account are visible to administrators; your own actions are in your export.',
      fields: {
        id: SEQUENCE_ID,
        actorId: { what: 'The member who acted (none for the system).', why: 'Everyone answers for what they decide.' },
        action: { what: 'What was done, e.g. “member.role_changed”.', why: 'The record itself.' },
        targetType: {
          what: 'What kind of thing was acted on (an account, an amendment, a section…).',
          why: 'The record itself.',
        },
        targetId: { what: 'Its id (a member’s opaque id when an account was acted on).', why: 'The record itself.' },
        reason: {
          what: 'The reason given by whoever acted, where one is required (moderators’ decisions, role changes).',
          why: 'Decisions are explained.',
        },
        data: {
          what: 'The facts of the change: old and new values (a role, a phase, a section’s title and text), sometimes another member’s opaque id.',
          why: 'To know exactly what changed.',
        },
        createdAt: { what: 'When it happened.', why: DATES_WHY },
      },
    },
    // ───────────────────────────── Technical ─────────────────────────────
    LoginFailure: {
      title: 'Failed sign-ins',
      summary:
        'Each sign-in attempt, recorded as a failure until the password is found right, to slow down password guessing per account and per network address.',
      retention:
        'Counted for one hour only; rows older than an hour are deleted within ten minutes. A successful sign-in, or a password reset, clears the failures of the account; deleting your account deletes those recorded under your email address.',
      visibleTo: NOBODY,
      fields: {
        id: SEQUENCE_ID,
        scope: {
          what: 'Whether it counts against an account or against a network address.',
          why: 'Both are throttled, separately.',
        },
        key: {
          what: 'The email address typed (account) or the IP address the attempt came from (network address).',
          why: 'To count the attempts against each.',
        },
        createdAt: { what: 'When the attempt was made.', why: 'Only the last hour counts.' },
      },
    },
    CollabDocument: {
      title: 'Live texts',
      summary:
        'The stored state of a text written together: a section, or an amendment’s draft. It records no member id: who typed what is not stored.',
      retention: 'As long as its section or amendment; deleted with a section moderators delete.',
      visibleTo: 'Whoever may read that section or that draft.',
      fields: {
        name: { what: 'Which text: “section:” or “amendment:” followed by its id.', why: 'To find it.' },
        snapshot: {
          what: 'The text and its editing state, in the Yjs format, with no member id.',
          why: 'Editors pick up where the text stands, even offline.',
        },
        snapshotSeq: { what: 'The last change folded into it.', why: 'No change is lost or applied twice.' },
        updatedAt: { what: UPDATED, why: DATES_WHY },
      },
    },
    CollabUpdate: {
      title: 'Live-text changes',
      summary: 'Each change to a live text, stored before it is relayed to the other editors. No member id.',
      retention:
        'Until it is folded into the stored text: after 200 changes or 512 KB, when the last editor leaves, or when the server stops.',
      visibleTo: 'Whoever may read that text, as part of it.',
      fields: {
        id: SEQUENCE_ID,
        docName: { what: 'Which live text.', why: 'To find it.' },
        data: {
          what: 'The change, in the Yjs format, with no member id.',
          why: 'Nothing typed is lost if the server stops.',
        },
        createdAt: { what: CREATED, why: DATES_WHY },
      },
    },
    Installation: {
      title: 'The installation’s settings',
      summary:
        'One row: the movement’s name, the languages it offers and whether moderators and admins need a second factor, set when the installation was set up.',
      retention: 'As long as the installation.',
      visibleTo: 'Everyone sees the movement’s name and its languages; the rest, nobody.',
      fields: {
        id: { what: 'Always 1: there is one row.', why: 'To keep a single row.' },
        movementName: { what: 'The movement’s name.', why: 'To show it at the top of every page.' },
        locales: { what: 'The languages offered to members.', why: 'To offer only those.' },
        twoFactorRequired: {
          what: 'Whether moderators and admins need a second factor.',
          why: 'To protect the accounts that can change the program and the votes.',
        },
        setupCompletedAt: { what: 'When the installation was set up.', why: 'To never show the setup page again.' },
        updatedAt: { what: UPDATED, why: DATES_WHY },
      },
    },
  },
} as const satisfies PrivacyText;
