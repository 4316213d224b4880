"""Messages of the domain and the services, in the window's language.

``domain/``, ``services/`` and ``vault/`` import no Qt, so the errors they raise
(``InvalidInput``, ``NotAllowed`` …) and the dialogue timer's prompt are English.
The window translates them where it shows them, with ``translated(text)``: a
literal message is looked up as it is; a message with values (an f-string in the
source) is matched against its template, and the values are put back into the
translated template. Every message is listed below so lupdate finds it; a test
scans domain/ and services/ for the messages they raise, so a new one cannot be
missed.
"""

from __future__ import annotations

import re
from functools import cache

from PySide6.QtCore import QCoreApplication

from twofold.ui.i18n import QT_TRANSLATE_NOOP

CONTEXT = "Messages"

KNOWN = frozenset(
    {
        # vault/: what unlocking, backups and damaged or busy files say
        QT_TRANSLATE_NOOP(
            "Messages",
            "That recovery code does not open this partner's slot. Check that it is the code printed for this partner (a new code was issued on {when}).",
        ),
        QT_TRANSLATE_NOOP(
            "Messages",
            "That recovery code does not open this partner's slot. Check that it is the code printed for this partner.",
        ),
        QT_TRANSLATE_NOOP(
            "Messages",
            "Wrong passphrase for {label}. Check Caps Lock and the keyboard layout, then try again. Note: {label2}'s passphrase was changed on {when}.",
        ),
        QT_TRANSLATE_NOOP(
            "Messages",
            "Wrong passphrase for {label}. Check Caps Lock and the keyboard layout, then try again. Note: {label2}'s passphrase was reset with the recovery code on {when}. If this was not you, someone used your recovery code: see 'If your passphrase was changed without you' in the README.",
        ),
        QT_TRANSLATE_NOOP(
            "Messages",
            "keyslots.json listed a signing key for you that is not yours: someone edited it. Your slots were signed again with your own key.",
        ),
        QT_TRANSLATE_NOOP("Messages", "A Twofold vault is made for exactly two partners."),
        QT_TRANSLATE_NOOP(
            "Messages", "A key slot holds keys of the wrong size; keyslots.json is damaged."
        ),
        QT_TRANSLATE_NOOP(
            "Messages",
            "A key slot in keyslots.json was altered: the passphrase is right but the slot no longer opens. Restore keyslots.json from a backup. Nothing was changed.",
        ),
        QT_TRANSLATE_NOOP("Messages", "A {kind} event cannot hold that content ({exc})."),
        QT_TRANSLATE_NOOP("Messages", "Each partner needs a name, and the two names must differ."),
        QT_TRANSLATE_NOOP("Messages", "No partner called {who} in this vault (partners: {names})."),
        QT_TRANSLATE_NOOP(
            "Messages",
            "Both partners are called “{label}” in keyslots.json, which was edited outside Twofold. Name yourself by your partner id ({ids}); once unlocked, Twofold shows the name the ledger signed.",
        ),
        QT_TRANSLATE_NOOP(
            "Messages", "No private folder could be made to stage a backup of {folder}."
        ),
        QT_TRANSLATE_NOOP("Messages", "Only the partner who shared a reflection can retract it."),
        QT_TRANSLATE_NOOP(
            "Messages",
            "Restoring needs {needed} bytes and the disk has less free space. Nothing was written; free some space and try again.",
        ),
        QT_TRANSLATE_NOOP(
            "Messages", "Search for whole words of letters and digits; this one cannot be searched."
        ),
        QT_TRANSLATE_NOOP(
            "Messages",
            "That is neither partner's passphrase. Check Caps Lock and the keyboard layout, then try again.",
        ),
        QT_TRANSLATE_NOOP(
            "Messages",
            "That is not a recovery code: it should be {len} letters and digits in groups of four, as printed on the recovery sheet.",
        ),
        QT_TRANSLATE_NOOP("Messages", "That item is no longer in your outbox."),
        QT_TRANSLATE_NOOP(
            "Messages",
            "That passphrase (or code) was replaced: a change of passphrase was finished just before Twofold stopped. Use the new passphrase. Nothing was changed.",
        ),
        QT_TRANSLATE_NOOP(
            "Messages",
            "That passphrase belongs to a change that did not complete, so it was dropped; the previous passphrase still works. Nothing else was changed.",
        ),
        QT_TRANSLATE_NOOP(
            "Messages",
            "That recovery code has a typo: its check digits don't match. Compare it group by group with the recovery sheet.",
        ),
        QT_TRANSLATE_NOOP("Messages", "That reflection was already retracted."),
        QT_TRANSLATE_NOOP("Messages", "The co-signature was already used."),
        QT_TRANSLATE_NOOP(
            "Messages",
            "The disk is full: the backup could not be restored. Nothing was kept; free some space and try again.",
        ),
        QT_TRANSLATE_NOOP(
            "Messages",
            "The disk is full: the vault could not be copied for its backup. Nothing was changed; free some space and try again.",
        ),
        QT_TRANSLATE_NOOP(
            "Messages",
            "The disk is full: {name} could not be written. Nothing was changed; free some space and try again.",
        ),
        QT_TRANSLATE_NOOP(
            "Messages",
            "The disk is full: {what} could not be saved. Nothing was changed; free some space and try again.",
        ),
        QT_TRANSLATE_NOOP(
            "Messages",
            "The vault is busy (a backup or another process is writing). Try again in a moment.",
        ),
        QT_TRANSLATE_NOOP("Messages", "The vault is locked; unlock it again to go on."),
        QT_TRANSLATE_NOOP("Messages", "There is no Twofold vault at {folder}."),
        QT_TRANSLATE_NOOP("Messages", "There is no backup file at {source}."),
        QT_TRANSLATE_NOOP("Messages", "There is no ledger event with that id."),
        QT_TRANSLATE_NOOP("Messages", "There is no other partner to co-sign."),
        QT_TRANSLATE_NOOP("Messages", "There is no record #{id} in your journal."),
        QT_TRANSLATE_NOOP("Messages", "There is no shared reflection with that id."),
        QT_TRANSLATE_NOOP("Messages", "There is no such item."),
        QT_TRANSLATE_NOOP("Messages", "There is no vault at {folder}."),
        QT_TRANSLATE_NOOP("Messages", "This session cannot sign ledger events."),
        QT_TRANSLATE_NOOP(
            "Messages",
            "This vault is already open in another Twofold window or process ({folder}). Close it there first; only one may write at a time.",
        ),
        QT_TRANSLATE_NOOP(
            "Messages",
            "This vault's key slots were written by a newer version of Twofold. Update Twofold to open it; nothing was changed.",
        ),
        QT_TRANSLATE_NOOP(
            "Messages", "Unlock with your own passphrase first (not a shared session)."
        ),
        QT_TRANSLATE_NOOP("Messages", "Unlock with your own passphrase to change your key slots."),
        QT_TRANSLATE_NOOP(
            "Messages",
            "Wrong passphrase for {label}. Check Caps Lock and the keyboard layout, then try again.",
        ),
        QT_TRANSLATE_NOOP(
            "Messages", "Wrong passphrase: that is not your current one, so nothing was changed."
        ),
        QT_TRANSLATE_NOOP("Messages", "You are the only partner left in this vault."),
        QT_TRANSLATE_NOOP(
            "Messages",
            "Your journal's index is damaged, so its records cannot be listed ({exc}). Nothing was changed; restore from a backup.",
        ),
        QT_TRANSLATE_NOOP("Messages", "Your private journal's search index is damaged."),
        QT_TRANSLATE_NOOP(
            "Messages",
            "keyslots.json and its previous generation are both damaged ({damaged}). Restore them from a backup; nothing was changed.",
        ),
        QT_TRANSLATE_NOOP(
            "Messages",
            "keyslots.json asks for key-derivation settings below the strong minimum (m={kib} KiB, t={iterations}, p={lanes}); the file was edited or damaged, so the slot is refused. Nothing was changed; restore keyslots.json from a backup.",
        ),
        QT_TRANSLATE_NOOP(
            "Messages",
            "keyslots.json asks for key-derivation settings outside the safe range; the file was edited or damaged. Nothing was changed.",
        ),
        QT_TRANSLATE_NOOP(
            "Messages",
            "keyslots.json belongs to another vault: none of its partners' journals is in {folder}. Put back this vault's own keyslots.json (from a backup); nothing was changed.",
        ),
        QT_TRANSLATE_NOOP(
            "Messages",
            "keyslots.json has no {kind} slot for this partner; it was edited or damaged.",
        ),
        QT_TRANSLATE_NOOP(
            "Messages",
            "keyslots.json is damaged ({damaged}) and has no previous generation. Restore it from a backup; nothing was changed.",
        ),
        QT_TRANSLATE_NOOP(
            "Messages",
            "keyslots.json is missing from {folder}, so no one can unlock this vault. Restore it from a backup; the encrypted journals are untouched.",
        ),
        QT_TRANSLATE_NOOP(
            "Messages",
            "shared.db belongs to a different vault than keyslots.json. Nothing was changed; restore the folder from one backup.",
        ),
        QT_TRANSLATE_NOOP(
            "Messages",
            "shared.db was changed outside Twofold ({what}). Nothing was changed; restore the folder from one backup.",
        ),
        QT_TRANSLATE_NOOP(
            "Messages",
            "{damage} Your own journal opened for reading and export only; the shared ledger is unavailable until shared.db is restored.",
        ),
        QT_TRANSLATE_NOOP(
            "Messages",
            "keyslots.json names {name} “{label}” on the unlock screen; the signed first event of the ledger names them “{name2}”. Someone edited keyslots.json.",
        ),
        QT_TRANSLATE_NOOP("Messages", "“{name}” is missing"),
        QT_TRANSLATE_NOOP("Messages", "“{name}” was added"),
        QT_TRANSLATE_NOOP("Messages", "“{name}” was changed"),
        QT_TRANSLATE_NOOP(
            "Messages",
            "{folder} already exists and is not empty. Restore into a new folder; Twofold never overwrites a vault.",
        ),
        QT_TRANSLATE_NOOP(
            "Messages",
            "{label} has an unfinished passphrase change; {label2} should unlock once on their own first.",
        ),
        QT_TRANSLATE_NOOP(
            "Messages",
            "{label}'s {kind} slot in keyslots.json was altered (its signature does not match), so it is not used and no passphrase was tried. Restore keyslots.json from a backup; nothing was changed.",
        ),
        QT_TRANSLATE_NOOP("Messages", "{name} could not be read ({name2}: {exc})."),
        QT_TRANSLATE_NOOP(
            "Messages",
            "{name} does not open with its key: it was damaged, truncated, swapped or replaced. Nothing was changed; restore it from a backup.",
        ),
        QT_TRANSLATE_NOOP("Messages", "{name} has an unfinished write; unlock again and retry."),
        QT_TRANSLATE_NOOP("Messages", "{name} holds an unexpected path: {path}."),
        QT_TRANSLATE_NOOP("Messages", "{name} is damaged or not a Twofold backup ({name2})."),
        QT_TRANSLATE_NOOP("Messages", "{name} is damaged: {filename} does not match its checksum."),
        QT_TRANSLATE_NOOP("Messages", "{name} is damaged: {filename} is too long."),
        QT_TRANSLATE_NOOP(
            "Messages", "{name} is damaged: {name2} is not the size its manifest gives."
        ),
        QT_TRANSLATE_NOOP("Messages", "{name} is incomplete: it lacks the vault's main files."),
        QT_TRANSLATE_NOOP("Messages", "{name} is incomplete: {name2} is missing."),
        QT_TRANSLATE_NOOP("Messages", "{name} is missing from the vault folder."),
        QT_TRANSLATE_NOOP(
            "Messages",
            "{name} is missing from the vault folder; that partner's journal cannot open. Restore it from a backup.",
        ),
        QT_TRANSLATE_NOOP("Messages", "{name} is not a Twofold backup (no manifest)."),
        QT_TRANSLATE_NOOP("Messages", "{name} is not a Twofold backup."),
        QT_TRANSLATE_NOOP(
            "Messages",
            "{name} is not a Twofold backup: {name2} would inflate from {size} to {size2} bytes (encrypted files do not compress). Nothing was written.",
        ),
        QT_TRANSLATE_NOOP("Messages", "{name} is not a usable Twofold backup: {why}."),
        QT_TRANSLATE_NOOP(
            "Messages",
            "{name} is not this partner's journal from this vault (it was swapped or replaced). Nothing was changed; restore it from a backup.",
        ),
        QT_TRANSLATE_NOOP(
            "Messages",
            "{name} was made by a newer version of Twofold ({version}); update Twofold to restore it.",
        ),
        QT_TRANSLATE_NOOP("Messages", "{source} is a folder, not a backup file."),
        QT_TRANSLATE_NOOP(
            "Messages", "{target} already exists; nothing was written. Use --force to replace it."
        ),
        QT_TRANSLATE_NOOP("Messages", "{target} is a folder; give the backup's file name."),
        QT_TRANSLATE_NOOP(
            "Messages",
            "{target} is inside a vault folder; a backup must live outside it. Nothing was written; choose another folder.",
        ),
        QT_TRANSLATE_NOOP(
            "Messages",
            "{what} cannot be changed while shared.db is damaged: your journal is open for reading and export only. Restore shared.db from a backup.",
        ),
        QT_TRANSLATE_NOOP(
            "Messages",
            "{what} cannot be changed: the vault folder is read-only here. Nothing was changed; reading still works.",
        ),
        QT_TRANSLATE_NOOP(
            "Messages",
            "{what} could not be read or written ({code}): the disk or the folder's permissions refused it. Nothing was changed.",
        ),
        QT_TRANSLATE_NOOP(
            "Messages",
            "{what} holds no Twofold data (it was emptied or replaced). Nothing was changed; restore it from a backup.",
        ),
        QT_TRANSLATE_NOOP("Messages", "{what} is busy in another process; try again in a moment."),
        QT_TRANSLATE_NOOP(
            "Messages",
            "{what} is damaged or was altered ({code}). Nothing was changed; run 'twofold verify' and restore from a backup if needed.",
        ),
        QT_TRANSLATE_NOOP(
            "Messages",
            "{what}: a search index in the vault is damaged or was altered. Nothing was changed; run 'twofold verify' and restore from a backup if needed.",
        ),
        QT_TRANSLATE_NOOP(
            "Messages",
            "{what} could not be saved: a search index in the vault is damaged or was altered. Nothing was changed; run 'twofold verify' and restore from a backup if needed.",
        ),
        QT_TRANSLATE_NOOP(
            "Messages",
            "{what} was written by a newer version of Twofold (schema {version}, this app knows up to {migrations}). Update Twofold to open it; nothing was changed.",
        ),
        QT_TRANSLATE_NOOP("Messages", "A chapter needs a title and some words."),
        QT_TRANSLATE_NOOP("Messages", "A check-in is for a day that has come."),
        QT_TRANSLATE_NOOP("Messages", "A check-off is for a day that has come, not one ahead."),
        QT_TRANSLATE_NOOP("Messages", "A commitment belongs to one of you, or to both."),
        QT_TRANSLATE_NOOP(
            "Messages",
            "A day counts as renegotiated only when new terms are accepted by both of you; propose new terms instead.",
        ),
        QT_TRANSLATE_NOOP("Messages", "A joint session is already open; end it first."),
        QT_TRANSLATE_NOOP("Messages", "A one-off commitment needs a due date."),
        QT_TRANSLATE_NOOP("Messages", "A proposal is declined, not ended."),
        QT_TRANSLATE_NOOP("Messages", "Answer at least one question; a few words are enough."),
        QT_TRANSLATE_NOOP(
            "Messages",
            "Check-ins are answered apart: open Twofold as yourself to answer, so your answers stay sealed in your own journal until you have both answered.",
        ),
        QT_TRANSLATE_NOOP("Messages", "Choose a range of at most 30 years."),
        QT_TRANSLATE_NOOP("Messages", "Choose at least one part to include in the report."),
        QT_TRANSLATE_NOOP("Messages", "Choose at least one weekday for this commitment."),
        QT_TRANSLATE_NOOP("Messages", "Describe the counter-measure."),
        QT_TRANSLATE_NOOP("Messages", "Describe the objective."),
        QT_TRANSLATE_NOOP(
            "Messages",
            "Export outside the vault folder: these files are plaintext, and the vault folder is meant to hold only encrypted files.",
        ),
        QT_TRANSLATE_NOOP(
            "Messages", "Imports go into your private journal: unlock with your own passphrase."
        ),
        QT_TRANSLATE_NOOP("Messages", "Keep each answer under 5,000 characters."),
        QT_TRANSLATE_NOOP("Messages", "Keep it under 2,000 characters."),
        QT_TRANSLATE_NOOP("Messages", "Keep it under 2,000 characters; the rest is for the talk."),
        QT_TRANSLATE_NOOP(
            "Messages", "Keep the commitment under 200 characters; details go below."
        ),
        QT_TRANSLATE_NOOP("Messages", "Keep the words under 500 characters."),
        QT_TRANSLATE_NOOP("Messages", "Name at least one value."),
        QT_TRANSLATE_NOOP("Messages", "Name only partners of this vault."),
        QT_TRANSLATE_NOOP(
            "Messages",
            "New terms are already waiting for an answer; answer or wait for those first.",
        ),
        QT_TRANSLATE_NOOP(
            "Messages", "New terms are for an accepted commitment that is still running."
        ),
        QT_TRANSLATE_NOOP("Messages", "Nothing changed from the latest version."),
        QT_TRANSLATE_NOOP("Messages", "Only a partner of this vault can end a commitment."),
        QT_TRANSLATE_NOOP("Messages", "Only a partner of this vault can propose a commitment."),
        QT_TRANSLATE_NOOP("Messages", "Only a partner of this vault can propose new terms."),
        QT_TRANSLATE_NOOP("Messages", "Only a proposed commitment can be declined."),
        QT_TRANSLATE_NOOP("Messages", "Only the partner a commitment would bind can decline it."),
        QT_TRANSLATE_NOOP("Messages", "Only the partner who wrote it can withdraw it."),
        QT_TRANSLATE_NOOP(
            "Messages", "PDF needs the app's layout engine; choose Markdown or JSON here."
        ),
        QT_TRANSLATE_NOOP(
            "Messages",
            "Private entries can be added only by their author, in their own unlocked session (not in a shared session).",
        ),
        QT_TRANSLATE_NOOP(
            "Messages",
            "Private entries can be added only by their author, in their own unlocked session.",
        ),
        QT_TRANSLATE_NOOP("Messages", "Put every part of the agenda in an order."),
        QT_TRANSLATE_NOOP(
            "Messages", "Reviews come every week, every two weeks or every four weeks."
        ),
        QT_TRANSLATE_NOOP(
            "Messages",
            "Save the export outside the vault folder: it is plaintext, and the vault folder is meant to hold only encrypted files.",
        ),
        QT_TRANSLATE_NOOP("Messages", "Say in a few words what you'd like to talk about."),
        QT_TRANSLATE_NOOP("Messages", "Say what concerns you, e.g. “I didn't see this happen”."),
        QT_TRANSLATE_NOOP("Messages", "Say what happened, plainly and without a verdict."),
        QT_TRANSLATE_NOOP("Messages", "Say what moved."),
        QT_TRANSLATE_NOOP("Messages", "Say what went well."),
        QT_TRANSLATE_NOOP("Messages", "Say what you appreciate."),
        QT_TRANSLATE_NOOP(
            "Messages", "Say what you commit to, as something the other could observe."
        ),
        QT_TRANSLATE_NOOP("Messages", "Select the passage you want to share first."),
        QT_TRANSLATE_NOOP("Messages", "Some of those items are no longer in your outbox."),
        QT_TRANSLATE_NOOP("Messages", "That day is before the commitment began."),
        QT_TRANSLATE_NOOP("Messages", "That passage is not part of the entry."),
        QT_TRANSLATE_NOOP(
            "Messages",
            "That passphrase is your partner's. Each partner needs their own secret; choose another one. Nothing was changed.",
        ),
        QT_TRANSLATE_NOOP(
            "Messages",
            "Each partner can change the backup folder, unlocked alone. Nothing was changed.",
        ),
        QT_TRANSLATE_NOOP(
            "Messages",
            "“{folder}” is not a full folder path (one that starts at the top of the disk). Nothing was changed.",
        ),
        QT_TRANSLATE_NOOP(
            "Messages",
            "Twofold cannot use its lock file {name} in {folder}: something that is not a file Twofold can open was put in its place (a folder, a link, or a file without access). Nothing was changed. Remove it and try again; Twofold makes a new one.",
        ),
        QT_TRANSLATE_NOOP(
            "Messages",
            "Your private journal file is older than your own signature: it remembers the shared ledger up to event #{seen}, but you shared a reflection in event #{seq} on {when}. Someone replaced your journal file with an older copy of itself: what you wrote privately since then may be missing. Nothing was deleted or changed now. If a backup holds a newer journal, restore it; keep the Verify report.",
        ),
        QT_TRANSLATE_NOOP(
            "Messages",
            "Your private journal file is older than your own signature: it remembers the shared ledger up to event #{seen}, but you answered a check-in in event #{seq} on {when}, and its sealed answers are gone from it. Someone replaced your journal file with an older copy of itself: what you wrote privately since then may be missing. Nothing was deleted or changed now. If a backup holds a newer journal, restore it; keep the Verify report.",
        ),
        QT_TRANSLATE_NOOP(
            "Messages",
            "The daily backups now go to {where}: the folder was changed since you last unlocked, not by you. If the two of you did not agree on it, choose the folder again in Settings → Backups.",
        ),
        QT_TRANSLATE_NOOP(
            "Messages",
            "What the app shows was rebuilt from the signed ledger at this unlock, which took longer: shared.db's format marker said “{found}” where this version of Twofold writes “{current}”. Updating Twofold does this once. If you did not update, someone changed shared.db outside Twofold: the full check in the shared timeline shows whether anything else was changed.",
        ),
        QT_TRANSLATE_NOOP(
            "Messages",
            "What the app shows was rebuilt from the signed ledger at this unlock, which took longer: shared.db held no format marker Twofold writes (this version writes “{current}”). Updating Twofold does this once. If you did not update, someone changed shared.db outside Twofold: the full check in the shared timeline shows whether anything else was changed.",
        ),
        QT_TRANSLATE_NOOP("Messages", "That was already accepted."),
        QT_TRANSLATE_NOOP("Messages", "That was already withdrawn."),
        QT_TRANSLATE_NOOP("Messages", "The agreement is empty: write at least one section."),
        QT_TRANSLATE_NOOP(
            "Messages",
            "The automatic backups were not replaced: shared.db is damaged, so the backups from before the damage are kept as they are.",
        ),
        QT_TRANSLATE_NOOP("Messages", "The entry is empty: write something first."),
        QT_TRANSLATE_NOOP("Messages", "The first day comes after the last; swap them."),
        QT_TRANSLATE_NOOP("Messages", "The new terms are the same as the old ones."),
        QT_TRANSLATE_NOOP(
            "Messages",
            "The private journal is locked in a shared session. Unlock with your own passphrase to open it.",
        ),
        QT_TRANSLATE_NOOP("Messages", "The range ends before it starts: choose the dates again."),
        QT_TRANSLATE_NOOP(
            "Messages",
            "The two partners chose the same passphrase. Each needs their own: with one secret, either of you could open the other's journal and sign as the other.",
        ),
        QT_TRANSLATE_NOOP(
            "Messages", "The version to share is empty: write what your partner will read."
        ),
        QT_TRANSLATE_NOOP("Messages", "There are no such new terms."),
        QT_TRANSLATE_NOOP("Messages", "There is no ended session with that id."),
        QT_TRANSLATE_NOOP("Messages", "There is no such check-in."),
        QT_TRANSLATE_NOOP("Messages", "There is no such check-off."),
        QT_TRANSLATE_NOOP("Messages", "There is no such commitment."),
        QT_TRANSLATE_NOOP("Messages", "There is no such proposal."),
        QT_TRANSLATE_NOOP("Messages", "There is no such request."),
        QT_TRANSLATE_NOOP("Messages", "There is no such setback."),
        QT_TRANSLATE_NOOP("Messages", "There is no such version of the agreement."),
        QT_TRANSLATE_NOOP("Messages", "These new terms were already answered."),
        QT_TRANSLATE_NOOP(
            "Messages", "This commitment is still a proposal: it counts once it has been accepted."
        ),
        QT_TRANSLATE_NOOP(
            "Messages",
            "This item cannot be withdrawn: what both of you agreed (an agreement version, an accepted commitment) changes only by a new version you both accept.",
        ),
        QT_TRANSLATE_NOOP("Messages", "This setback is already restored."),
        QT_TRANSLATE_NOOP(
            "Messages",
            "Today's automatic backup was not made: shared.db is damaged, so the backups from before the damage are kept as they are.",
        ),
        QT_TRANSLATE_NOOP("Messages", "Weekdays are 0 (Monday) to 6 (Sunday)."),
        QT_TRANSLATE_NOOP("Messages", "Write a few words, e.g. “Heard — let's talk Thursday.”"),
        QT_TRANSLATE_NOOP("Messages", "Write something first."),
        QT_TRANSLATE_NOOP(
            "Messages",
            "You agreed that the pace follows your partner's choice; they set it. You can raise a request to talk about it.",
        ),
        QT_TRANSLATE_NOOP("Messages", "You have already accepted this commitment."),
        QT_TRANSLATE_NOOP(
            "Messages", "You have already accepted this commitment; to change it, renegotiate."
        ),
        QT_TRANSLATE_NOOP("Messages", "You have already acknowledged this version."),
        QT_TRANSLATE_NOOP("Messages", "You have already agreed to this summary."),
        QT_TRANSLATE_NOOP(
            "Messages",
            "You have already ended this commitment; your partner can agree to end it too.",
        ),
        QT_TRANSLATE_NOOP(
            "Messages", "Your outbox changed after the preview; look at the preview again."
        ),
        QT_TRANSLATE_NOOP("Messages", "Your outbox is empty: add an entry to share first."),
        QT_TRANSLATE_NOOP(
            "Messages", "Your partner accepts the new terms you proposed, with their own signature."
        ),
        QT_TRANSLATE_NOOP(
            "Messages", "Your partner accepts what you proposed, with their own signature."
        ),
        QT_TRANSLATE_NOOP(
            "Messages", "Your partner acknowledges your check-off or adds a concern, not you."
        ),
        QT_TRANSLATE_NOOP(
            "Messages", "Your partner agrees to the summary you wrote, with their signature."
        ),
        QT_TRANSLATE_NOOP("Messages", "Your partner answers your request."),
        QT_TRANSLATE_NOOP(
            "Messages",
            "Your partner has left this vault, so no one can agree to an export of your shared history with you.",
        ),
        QT_TRANSLATE_NOOP(
            "Messages", "Your patterns come from your private journal, locked in a session."
        ),
        QT_TRANSLATE_NOOP(
            "Messages",
            "A passphrase needs at least {limit} characters; four or five unrelated words are easy to remember and hard to guess.",
        ),
        QT_TRANSLATE_NOOP(
            "Messages",
            "A report of your shared history needs {other}'s agreement: {other} types their own passphrase to sign it.",
        ),
        QT_TRANSLATE_NOOP(
            "Messages",
            "The shared ledger changed while it was being checked for the report; make the report again.",
        ),
        QT_TRANSLATE_NOOP(
            "Messages",
            "The report was not made: the shared ledger does not match what you both signed ({problem}). A report now could carry words neither of you wrote. The timeline's banner and 'twofold verify' say what changed; restore shared.db from a backup, then make the report again.",
        ),
        # A ledger check's finding (vault/projectors/replay.py's Problem, "where: what"),
        # inside the banner, the verify lines and a refused report: rows are named by
        # their table and event, never by their words.
        QT_TRANSLATE_NOOP(
            "Messages",
            "{where}: was edited outside Twofold ({columns} differs from the signed event)",
        ),
        QT_TRANSLATE_NOOP(
            "Messages",
            "{where}: was edited outside Twofold ({columns} differ from the signed event)",
        ),
        QT_TRANSLATE_NOOP(
            "Messages", "{where}: has no signed event (event #{seq} is not in the ledger)"
        ),
        QT_TRANSLATE_NOOP(
            "Messages", "{where}: was inserted outside Twofold: {event} does not say so"
        ),
        QT_TRANSLATE_NOOP(
            "Messages", "{where}: was deleted outside Twofold (the signed event is still there)"
        ),
        QT_TRANSLATE_NOOP(
            "Messages",
            "{where}: was edited or inserted outside Twofold: search would show words never signed",
        ),
        QT_TRANSLATE_NOOP("Messages", "{where}: was deleted outside Twofold"),
        QT_TRANSLATE_NOOP("Messages", "{where}: its structure was changed outside Twofold"),
        QT_TRANSLATE_NOOP("Messages", "{table}, row of event #{seq} ({kind}, {day})"),
        QT_TRANSLATE_NOOP("Messages", "event #{seq} ({kind}, {day})"),
        QT_TRANSLATE_NOOP("Messages", "Cannot read {path}: {strerror}."),
        QT_TRANSLATE_NOOP("Messages", "Choose a few: at most {limit} values."),
        QT_TRANSLATE_NOOP(
            "Messages",
            "Entry #{record_id} is outside the report's range; choose entries from the range only.",
        ),
        QT_TRANSLATE_NOOP("Messages", "Keep the request under {limit} characters."),
        QT_TRANSLATE_NOOP("Messages", "Not recorded: {reason}."),
        QT_TRANSLATE_NOOP(
            "Messages",
            "Only {owners} can accept this commitment, with their own signature; nobody accepts for someone else.",
        ),
        QT_TRANSLATE_NOOP(
            "Messages",
            "Only {owners} can record how this commitment went. You can acknowledge a check-off or add a concern beside it.",
        ),
        QT_TRANSLATE_NOOP("Messages", "That passphrase is too easy to guess ({label}). {advice}"),
        QT_TRANSLATE_NOOP(
            "Messages", "The entry is {length} characters; split it into entries under {limit}."
        ),
        QT_TRANSLATE_NOOP(
            "Messages", "The next step is “{value}”: repair goes acknowledge, repair, restore."
        ),
        QT_TRANSLATE_NOOP(
            "Messages",
            "The version to share is {length} characters; keep it under {limit} so it can be read together.",
        ),
        QT_TRANSLATE_NOOP(
            "Messages", "This commitment is no longer waiting for acceptance ({state})."
        ),
        QT_TRANSLATE_NOOP("Messages", "This commitment is {state}."),
        QT_TRANSLATE_NOOP(
            "Messages", "This commitment is {state}; nothing more is recorded on it."
        ),
        QT_TRANSLATE_NOOP("Messages", "Type “{expected}” to confirm; nothing was changed."),
        QT_TRANSLATE_NOOP("Messages", "{folder} holds no Markdown or text files (.md, .txt)."),
        QT_TRANSLATE_NOOP("Messages", "{name} in {file} is larger than 1 GiB."),
        QT_TRANSLATE_NOOP("Messages", "{name} is not a time zone name such as Europe/Berlin."),
        QT_TRANSLATE_NOOP("Messages", "{name} is larger than 1 GiB; split it first."),
        QT_TRANSLATE_NOOP(
            "Messages",
            "{name}: Twofold imports a Day One export (.zip or .json), a jrnl export (.json or .txt), Markdown or text files, or a folder of them.",
        ),
        QT_TRANSLATE_NOOP("Messages", "{path} does not exist."),
        QT_TRANSLATE_NOOP("Messages", "{parent} does not exist; choose a folder that does."),
        QT_TRANSLATE_NOOP(
            "Messages", "{target} already exists and is not empty; choose a new folder."
        ),
        QT_TRANSLATE_NOOP("Messages", "{target} already exists; choose another name."),
        QT_TRANSLATE_NOOP("Messages", "{target} is a folder; give a file name."),
        QT_TRANSLATE_NOOP("Messages", "“{title}” is not due on {day}s ({cadence})."),
        QT_TRANSLATE_NOOP(
            "Messages", "“{title}” is too long; keep each section under 20,000 characters."
        ),
        # The dialogue timer's prompts (domain/dialogue.DialogueTimer.prompt)
        QT_TRANSLATE_NOOP(
            "Messages", "Paused. Take the time you need; resume when you are both ready."
        ),
        QT_TRANSLATE_NOOP(
            "Messages",
            "{listener}, say back what you heard {speaker} say, before answering. "
            "Ask “did I get that right?”",
        ),
        QT_TRANSLATE_NOOP("Messages", "{speaker} speaks; {listener} listens without interrupting."),
    }
)

_FIELD = re.compile(r"\{(\w+)\}")


def fields(template: str) -> list[str]:
    return _FIELD.findall(template)


@cache
def _patterns() -> list[tuple[re.Pattern[str], str]]:
    """Each template with values as a pattern; the one with the most fixed words
    first, so "This commitment is {state}." does not swallow a longer sentence."""
    patterns = []
    for template in KNOWN:
        if not fields(template):
            continue
        pattern, seen, last = "", set(), 0
        for match in _FIELD.finditer(template):
            pattern += re.escape(template[last : match.start()])
            name = match.group(1)
            pattern += f"(?P={name})" if name in seen else f"(?P<{name}>.+?)"
            seen.add(name)
            last = match.end()
        pattern += re.escape(template[last:])
        patterns.append((re.compile(pattern, re.DOTALL), template))
    patterns.sort(key=lambda p: -len(_FIELD.sub("", p[1])))
    return patterns


def _lookup(text: str, depth: int = 0) -> str | None:
    if text in KNOWN:
        return QCoreApplication.translate(CONTEXT, text)
    if depth > 2:  # a finding inside a refusal: its place inside the finding, too
        return None
    for pattern, template in _patterns():
        match = pattern.fullmatch(text)
        if match is not None:
            values = {
                name: _lookup(value, depth + 1) or value
                for name, value in match.groupdict().items()
            }
            return QCoreApplication.translate(CONTEXT, template).format(**values)
    return None


def translated(text: str) -> str:
    """``text`` in the window's language; a message Twofold does not know (one from
    the operating system, say) comes back as it is."""
    return _lookup(text) or text
