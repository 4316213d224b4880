<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>AgendaPage</name>
    <message>
        <source>Shared since your last session</source>
        <translation>Geteilt seit eurer letzten Sitzung</translation>
    </message>
    <message>
        <source>Nothing new since your last session.</source>
        <translation>Nichts Neues seit eurer letzten Sitzung.</translation>
    </message>
    <message>
        <source>End session and mark these as discussed</source>
        <translation>Sitzung beenden und das hier als besprochen markieren</translation>
    </message>
    <message>
        <source>End the session</source>
        <translation>Die Sitzung beenden</translation>
    </message>
    <message>
        <source>Shared session: only the shared ledger is open. Both private journals are locked and cannot be reached from here.</source>
        <translation>Gemeinsame Sitzung: Nur die gemeinsame Chronik ist offen. Beide privaten Tagebücher sind gesperrt und von hier aus nicht erreichbar.</translation>
    </message>
    <message>
        <source>Session mode notice</source>
        <translation>Hinweis zur gemeinsamen Sitzung</translation>
    </message>
    <message>
        <source>First: requests to talk</source>
        <translation>Zuerst: Bitten um ein Gespräch</translation>
    </message>
    <message>
        <source>Agenda</source>
        <translation>Themen</translation>
    </message>
    <message>
        <source>Shared since your last session, oldest first.</source>
        <translation>Geteilt seit eurer letzten Sitzung, das Älteste zuerst.</translation>
    </message>
    <message>
        <source>Not marked as held</source>
        <translation>Nicht als eingehalten markiert</translation>
    </message>
</context>
<context>
    <name>AgreementPage</name>
    <message>
        <source>Versions of the agreement</source>
        <translation>Fassungen der Vereinbarung</translation>
    </message>
    <message>
        <source>The agreement</source>
        <translation>Die Vereinbarung</translation>
    </message>
    <message>
        <source>Show changes from the version before</source>
        <translation>Änderungen gegenüber der vorigen Fassung zeigen</translation>
    </message>
    <message>
        <source>Show changes</source>
        <translation>Änderungen zeigen</translation>
    </message>
    <message>
        <source>Propose changes…</source>
        <translation>Änderungen vorschlagen…</translation>
    </message>
    <message>
        <source>Propose a new version</source>
        <translation>Eine neue Fassung vorschlagen</translation>
    </message>
    <message>
        <source>Acknowledge this version</source>
        <translation>Diese Fassung bestätigen</translation>
    </message>
    <message>
        <source>Versions</source>
        <translation>Fassungen</translation>
    </message>
    <message>
        <source>Our agreement</source>
        <translation>Unsere Vereinbarung</translation>
    </message>
    <message>
        <source>in force</source>
        <translation>gilt</translation>
    </message>
    <message>
        <source>earlier</source>
        <translation>frühere Fassung</translation>
    </message>
    <message>
        <source>waiting for {names}</source>
        <translation>wartet auf {names}</translation>
    </message>
    <message>
        <source> and </source>
        <translation> und </translation>
    </message>
    <message>
        <source>Version {number} — {state}
{when}</source>
        <translation>Fassung {number} — {state}
{when}</translation>
    </message>
    <message>
        <source>No agreement yet. Propose a first version together: what each of you takes care of, your boundaries, and how a lapse is repaired.</source>
        <translation>Noch keine Vereinbarung. Schlagt gemeinsam eine erste Fassung vor: worum sich jede und jeder von euch kümmert, eure Grenzen und wie ein Ausrutscher wiedergutgemacht wird.</translation>
    </message>
    <message>
        <source>Version {number}, proposed by {author}. Acknowledged by {acked}.</source>
        <translation>Fassung {number}, vorgeschlagen von {author}. Bestätigt von {acked}.</translation>
    </message>
    <message>
        <source> Note: {note}</source>
        <translation> Anmerkung: {note}</translation>
    </message>
    <message>
        <source>What changed and why</source>
        <translation>Was sich geändert hat und warum</translation>
    </message>
    <message>
        <source>A new version of our agreement</source>
        <translation>Eine neue Fassung unserer Vereinbarung</translation>
    </message>
    <message>
        <source>Sign and propose</source>
        <translation>Unterschreiben und vorschlagen</translation>
    </message>
    <message>
        <source>This is exactly what joins the shared ledger, signed with your key. {partner} sees the changes word by word and acknowledges them; until then the version before stays in force.</source>
        <translation>Genau das kommt in die gemeinsame Chronik, unterschrieben mit deinem Schlüssel. {partner} sieht die Änderungen Wort für Wort und bestätigt sie; bis dahin gilt die vorige Fassung.</translation>
    </message>
    <message>
        <source>Acknowledge version {number} of our agreement</source>
        <translation>Fassung {number} unserer Vereinbarung bestätigen</translation>
    </message>
    <message>
        <source>Sign: acknowledge</source>
        <translation>Unterschreiben: bestätigen</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>Nicht jetzt</translation>
    </message>
    <message>
        <source>Your signature says you have read these terms and hold to them; {partner} sees that you acknowledged them. It cannot be taken back: a new version can change the terms.</source>
        <translation>Mit deiner Unterschrift sagst du, dass du diese Bedingungen gelesen hast und dich daran hältst; {partner} sieht, dass du sie bestätigt hast. Das lässt sich nicht zurücknehmen: Eine neue Fassung kann die Bedingungen ändern.</translation>
    </message>
    <message>
        <source>Not acknowledged</source>
        <translation>Nicht bestätigt</translation>
    </message>
</context>
<context>
    <name>BusyPage</name>
    <message>
        <source>Preparing…</source>
        <translation>Wird vorbereitet…</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
</context>
<context>
    <name>ChapterDialog</name>
    <message>
        <source>Add a chapter to our story</source>
        <translation>Ein Kapitel zu unserer Geschichte hinzufügen</translation>
    </message>
    <message>
        <source>Review…</source>
        <translation>Prüfen…</translation>
    </message>
    <message>
        <source>Not added</source>
        <translation>Nicht hinzugefügt</translation>
    </message>
    <message>
        <source>Chapter title</source>
        <translation>Titel des Kapitels</translation>
    </message>
    <message>
        <source>The chapter</source>
        <translation>Das Kapitel</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Chapter</source>
        <translation>Kapitel</translation>
    </message>
    <message>
        <source>Either of you can add a chapter: a moment that mattered, told your way.</source>
        <translation>Jede und jeder von euch kann ein Kapitel hinzufügen: ein Moment, der wichtig war, erzählt auf eure Art.</translation>
    </message>
</context>
<context>
    <name>ChartPanel</name>
    <message>
        <source>Copy numbers</source>
        <translation>Zahlen kopieren</translation>
    </message>
    <message>
        <source>Copy the table of numbers</source>
        <translation>Die Zahlentabelle kopieren</translation>
    </message>
    <message>
        <source>{title}: the numbers</source>
        <translation>{title}: die Zahlen</translation>
    </message>
    <message>
        <source>Milestones</source>
        <translation>Meilensteine</translation>
    </message>
    <message>
        <source>Nothing to show for this period yet.</source>
        <translation>Für diesen Zeitraum gibt es noch nichts zu zeigen.</translation>
    </message>
    <message>
        <source>{count} in this period.</source>
        <translation>{count} in diesem Zeitraum.</translation>
    </message>
    <message>
        <source>Latest ({when}): {name} {value}.</source>
        <translation>Zuletzt ({when}): {name} {value}.</translation>
    </message>
    <message>
        <source>Most: {label} ({value}).</source>
        <translation>Am meisten: {label} ({value}).</translation>
    </message>
</context>
<context>
    <name>ChartsPage</name>
    <message>
        <source>Show</source>
        <translation>Zeigen</translation>
    </message>
    <message>
        <source>Show {range}</source>
        <translation>{range} zeigen</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
</context>
<context>
    <name>CheckinsPage</name>
    <message>
        <source>Which check-in</source>
        <translation>Welcher Check-in</translation>
    </message>
    <message>
        <source>Check-in state</source>
        <translation>Stand des Check-ins</translation>
    </message>
    <message>
        <source>Review and seal…</source>
        <translation>Prüfen und versiegeln…</translation>
    </message>
    <message>
        <source>Review and seal my answers</source>
        <translation>Meine Antworten prüfen und versiegeln</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Recent check-ins</source>
        <translation>Letzte Check-ins</translation>
    </message>
    <message>
        <source>One of your check-ins to withdraw</source>
        <translation>Einer deiner Check-ins zum Zurückziehen</translation>
    </message>
    <message>
        <source>Withdraw…</source>
        <translation>Zurückziehen…</translation>
    </message>
    <message>
        <source>Withdraw this check-in</source>
        <translation>Diesen Check-in zurückziehen</translation>
    </message>
    <message>
        <source>Recent check-ins from both of you</source>
        <translation>Eure letzten Check-ins</translation>
    </message>
    <message>
        <source>Check-ins</source>
        <translation>Check-ins</translation>
    </message>
    <message>
        <source>Answer apart, see both together. Until you have both answered (or the day, week or month is over) your answers stay in your private journal; the shared ledger holds only a sealed fingerprint of them, so they cannot be changed after you see your partner&apos;s. What is a promise of the app, not of encryption: your answers are revealed by your own Twofold the next time you open it, once it is time.</source>
        <translation>Getrennt antworten, gemeinsam ansehen. Bis ihr beide geantwortet habt (oder der Tag, die Woche oder der Monat vorbei ist), bleiben deine Antworten in deinem privaten Tagebuch; die gemeinsame Chronik enthält nur einen versiegelten Fingerabdruck davon, sodass sie sich nicht mehr ändern lassen, nachdem du die Antworten deines Gegenübers gesehen hast. Was ein Versprechen der App ist und nicht der Verschlüsselung: Deine Antworten werden von deinem eigenen Twofold offengelegt, wenn du es das nächste Mal öffnest und es so weit ist.</translation>
    </message>
    <message>
        <source>Not done yet</source>
        <translation>Noch nicht erledigt</translation>
    </message>
    <message>
        <source>✓ Done for now. You can add another.</source>
        <translation>✓ Für jetzt erledigt. Du kannst noch einen hinzufügen.</translation>
    </message>
    <message>
        <source>Sealed: only you see these until you have both answered</source>
        <translation>Versiegelt: Nur du siehst das, bis ihr beide geantwortet habt</translation>
    </message>
    <message>
        <source>{value}, {when} (sealed)</source>
        <translation>{value}, {when} (versiegelt)</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;i&gt;No check-ins yet.&lt;/i&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;i&gt;Noch keine Check-ins.&lt;/i&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Withdraw this check-in?</source>
        <translation>Diesen Check-in zurückziehen?</translation>
    </message>
    <message>
        <source>Its words are removed from the shared ledger for both of you; a signed note that you withdrew something stays.</source>
        <translation>Seine Worte werden für euch beide aus der gemeinsamen Chronik entfernt; ein unterschriebener Vermerk, dass du etwas zurückgezogen hast, bleibt.</translation>
    </message>
    <message>
        <source>Not withdrawn</source>
        <translation>Nicht zurückgezogen</translation>
    </message>
    <message>
        <source>Sign and seal</source>
        <translation>Unterschreiben und versiegeln</translation>
    </message>
    <message>
        <source>Not sealed</source>
        <translation>Nicht versiegelt</translation>
    </message>
</context>
<context>
    <name>CommitmentDelegate</name>
    <message>
        <source>New terms proposed</source>
        <translation>Neue Bedingungen vorgeschlagen</translation>
    </message>
    <message>
        <source>Not checked off yet</source>
        <translation>Noch nicht abgehakt</translation>
    </message>
    <message>
        <source>Not due today</source>
        <translation>Heute nicht fällig</translation>
    </message>
    <message>
        <source> · hard-day version: {hard_day}</source>
        <translation> · Version für schwere Tage: {hard_day}</translation>
    </message>
    <message>
        <source>Streak {streak} · kept {rate} · strength {strength}</source>
        <translation>Serie {streak} · gehalten {rate} · Stärke {strength}</translation>
    </message>
    <message>
        <source>Waiting for you</source>
        <translation>Wartet auf dich</translation>
    </message>
    <message>
        <source> · counts nowhere until accepted</source>
        <translation> · zählt nirgends, bis sie angenommen ist</translation>
    </message>
</context>
<context>
    <name>CommitmentDialog</name>
    <message>
        <source>Propose new terms</source>
        <translation>Neue Bedingungen vorschlagen</translation>
    </message>
    <message>
        <source>New commitment</source>
        <translation>Neue Zusage</translation>
    </message>
    <message>
        <source>What you commit to</source>
        <translation>Was du zusagst</translation>
    </message>
    <message>
        <source>Something the other can observe, e.g. “Text if I&apos;ll be late”</source>
        <translation>Etwas, das die andere Person beobachten kann, z. B. „Ich schreibe, wenn es später wird“</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Einzelheiten</translation>
    </message>
    <message>
        <source>Whose commitment</source>
        <translation>Wessen Zusage</translation>
    </message>
    <message>
        <source>Both of us</source>
        <translation>Wir beide</translation>
    </message>
    <message>
        <source>How often</source>
        <translation>Wie oft</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Fällig am</translation>
    </message>
    <message>
        <source>Hard-day version</source>
        <translation>Version für schwere Tage</translation>
    </message>
    <message>
        <source>The simplest form that still counts, for overwhelming days</source>
        <translation>Die einfachste Form, die noch zählt – für Tage, an denen alles zu viel ist</translation>
    </message>
    <message>
        <source>Starts on</source>
        <translation>Beginnt am</translation>
    </message>
    <message>
        <source>Why the terms change</source>
        <translation>Warum sich die Bedingungen ändern</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Commitment</source>
        <translation>Zusage</translation>
    </message>
    <message>
        <source>Whose</source>
        <translation>Wessen</translation>
    </message>
    <message>
        <source>Which days</source>
        <translation>An welchen Tagen</translation>
    </message>
    <message>
        <source>Due by</source>
        <translation>Fällig bis</translation>
    </message>
    <message>
        <source>Starts</source>
        <translation>Beginnt</translation>
    </message>
    <message>
        <source>Your partner&apos;s passphrase</source>
        <translation>Die Passphrase deines Gegenübers</translation>
    </message>
    <message>
        <source>{other} accepts now (optional; else it waits as a proposal)</source>
        <translation>{other} nimmt jetzt an (freiwillig; sonst wartet es als Vorschlag)</translation>
    </message>
    <message>
        <source>{other}&apos;s passphrase</source>
        <translation>Passphrase von {other}</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Warum</translation>
    </message>
    <message>
        <source>Make this commitment</source>
        <translation>Diese Zusage geben</translation>
    </message>
    <message>
        <source>Concrete and observable works best: what, when, and what counts as done.</source>
        <translation>Konkret und beobachtbar funktioniert am besten: was, wann und was als erledigt zählt.</translation>
    </message>
    <message>
        <source>New terms take effect once your partner accepts them; until then the old terms stand.</source>
        <translation>Neue Bedingungen gelten, sobald dein Gegenüber sie annimmt; bis dahin gelten die alten.</translation>
    </message>
    <message>
        <source>A commitment for your partner, or for both of you, is a proposal until they accept it with their own passphrase; until then it counts nowhere.</source>
        <translation>Eine Zusage für dein Gegenüber oder für euch beide ist ein Vorschlag, bis es sie mit der eigenen Passphrase annimmt; bis dahin zählt sie nirgends.</translation>
    </message>
    <message>
        <source>Say what you commit to.</source>
        <translation>Sag, was du zusagst.</translation>
    </message>
</context>
<context>
    <name>CommitmentsPage</name>
    <message>
        <source>Commitments</source>
        <translation>Zusagen</translation>
    </message>
    <message>
        <source>New commitment…</source>
        <translation>Neue Zusage…</translation>
    </message>
    <message>
        <source>New commitment</source>
        <translation>Neue Zusage</translation>
    </message>
    <message>
        <source>{label} today</source>
        <translation>{label} heute</translation>
    </message>
    <message>
        <source>Propose new terms…</source>
        <translation>Neue Bedingungen vorschlagen…</translation>
    </message>
    <message>
        <source>Propose new terms</source>
        <translation>Neue Bedingungen vorschlagen</translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation>Anerkennen</translation>
    </message>
    <message>
        <source>Acknowledge your partner&apos;s latest check-off</source>
        <translation>Das letzte Abhaken deines Gegenübers anerkennen</translation>
    </message>
    <message>
        <source>Add a concern…</source>
        <translation>Ein Anliegen ergänzen…</translation>
    </message>
    <message>
        <source>Add a concern beside your partner&apos;s latest check-off</source>
        <translation>Ein Anliegen neben dem letzten Abhaken deines Gegenübers ergänzen</translation>
    </message>
    <message>
        <source>End…</source>
        <translation>Beenden…</translation>
    </message>
    <message>
        <source>End this commitment</source>
        <translation>Diese Zusage beenden</translation>
    </message>
    <message>
        <source>Accept — it&apos;s my commitment</source>
        <translation>Annehmen – es ist meine Zusage</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>Annehmen</translation>
    </message>
    <message>
        <source>Decline…</source>
        <translation>Ablehnen…</translation>
    </message>
    <message>
        <source>Decline, with a reason</source>
        <translation>Ablehnen, mit einer Begründung</translation>
    </message>
    <message>
        <source>Accept the new terms</source>
        <translation>Die neuen Bedingungen annehmen</translation>
    </message>
    <message>
        <source>Keep the old terms…</source>
        <translation>Bei den alten Bedingungen bleiben…</translation>
    </message>
    <message>
        <source>Decline the new terms</source>
        <translation>Die neuen Bedingungen ablehnen</translation>
    </message>
    <message>
        <source>Kept per week</source>
        <translation>Gehalten pro Woche</translation>
    </message>
    <message>
        <source>No commitments yet. Make one together: concrete, observable, with a hard-day version for the days when everything is too much.</source>
        <translation>Noch keine Zusagen. Gebt gemeinsam eine: konkret, beobachtbar, mit einer Version für schwere Tage, an denen alles zu viel ist.</translation>
    </message>
    <message>
        <source>Kept per week (oldest → this week): {weeks}</source>
        <translation>Gehalten pro Woche (älteste → diese Woche): {weeks}</translation>
    </message>
    <message>
        <source>you</source>
        <comment>proposed by you</comment>
        <translation>dir</translation>
    </message>
    <message>
        <source>you</source>
        <comment>waiting for you</comment>
        <translation>dich</translation>
    </message>
    <message>
        <source>Proposed by {by} — waiting for {names}</source>
        <translation>Vorgeschlagen von {by} – wartet auf {names}</translation>
    </message>
    <message>
        <source> and </source>
        <translation> und </translation>
    </message>
    <message>
        <source> to accept or decline</source>
        <translation>, um anzunehmen oder abzulehnen</translation>
    </message>
    <message>
        <source>{by} proposes: </source>
        <translation>{by} schlägt vor: </translation>
    </message>
    <message>
        <source>{get}&apos;s concern beside “{label}” on {when}: {text}</source>
        <translation>Anliegen von {get} zu „{label}“ am {when}: {text}</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Nicht gespeichert</translation>
    </message>
    <message>
        <source>Not checked off</source>
        <translation>Nicht abgehakt</translation>
    </message>
    <message>
        <source>You accept the new terms of: {title}</source>
        <translation>Du nimmst die neuen Bedingungen an für: {title}</translation>
    </message>
    <message>
        <source>Both of us</source>
        <translation>Wir beide</translation>
    </message>
    <message>
        <source>You accept: {title}</source>
        <translation>Du nimmst an: {title}</translation>
    </message>
    <message>
        <source>Commitment</source>
        <translation>Zusage</translation>
    </message>
    <message>
        <source>Whose</source>
        <translation>Wessen</translation>
    </message>
    <message>
        <source>How often</source>
        <translation>Wie oft</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Einzelheiten</translation>
    </message>
    <message>
        <source>Hard-day version</source>
        <translation>Version für schwere Tage</translation>
    </message>
    <message>
        <source>Sign: accept</source>
        <translation>Unterschreiben: annehmen</translation>
    </message>
    <message>
        <source>Not accepted</source>
        <translation>Nicht angenommen</translation>
    </message>
    <message>
        <source>Decline this proposal?</source>
        <translation>Diesen Vorschlag ablehnen?</translation>
    </message>
    <message>
        <source>You end: {title}</source>
        <translation>Du beendest: {title}</translation>
    </message>
    <message>
        <source>Sign: end it</source>
        <translation>Unterschreiben: beenden</translation>
    </message>
    <message>
        <source>Review…</source>
        <translation>Prüfen…</translation>
    </message>
    <message>
        <source>In your words</source>
        <translation>In deinen Worten</translation>
    </message>
    <message>
        <source>Keep the old terms?</source>
        <translation>Bei den alten Bedingungen bleiben?</translation>
    </message>
    <message>
        <source>Not answered</source>
        <translation>Nicht beantwortet</translation>
    </message>
    <message>
        <source>Why? (your partner sees this; optional)</source>
        <translation>Warum? (dein Gegenüber sieht das; freiwillig)</translation>
    </message>
    <message>
        <source>You decline: {title}</source>
        <translation>Du lehnst ab: {title}</translation>
    </message>
    <message>
        <source>Sign: decline</source>
        <translation>Unterschreiben: ablehnen</translation>
    </message>
    <message>
        <source>You keep the old terms of: {title}</source>
        <translation>Du behältst die alten Bedingungen von: {title}</translation>
    </message>
    <message>
        <source>Sign: keep the old terms</source>
        <translation>Unterschreiben: alte Bedingungen behalten</translation>
    </message>
    <message>
        <source>Not proposed</source>
        <translation>Nicht vorgeschlagen</translation>
    </message>
    <message>
        <source>Not acknowledged</source>
        <translation>Nicht bestätigt</translation>
    </message>
    <message>
        <source>Add a concern</source>
        <translation>Ein Anliegen ergänzen</translation>
    </message>
    <message>
        <source>Shown beside the check-off, never replacing it:</source>
        <translation>Wird neben dem Abhaken gezeigt, ersetzt es nie:</translation>
    </message>
    <message>
        <source>Your concern</source>
        <translation>Deine Bedenken</translation>
    </message>
    <message>
        <source>Sign and add it</source>
        <translation>Unterschreiben und hinzufügen</translation>
    </message>
    <message>
        <source>I didn&apos;t see this happen</source>
        <translation>Ich habe das nicht mitbekommen</translation>
    </message>
    <message>
        <source>End this commitment?</source>
        <translation>Diese Zusage beenden?</translation>
    </message>
    <message>
        <source>Ending early needs both of you; until your partner agrees it shows as ended by you alone. What changed? (optional)</source>
        <translation>Vorzeitig beenden braucht euch beide; bis dein Gegenüber zustimmt, steht es als nur von dir beendet da. Was hat sich geändert? (freiwillig)</translation>
    </message>
</context>
<context>
    <name>ConfirmShareDialog</name>
    <message>
        <source>Share with {partner}</source>
        <translation>Mit {partner} teilen</translation>
    </message>
    <message>
        <source>Share now</source>
        <translation>Jetzt teilen</translation>
    </message>
    <message>
        <source>Cancel, share nothing</source>
        <translation>Abbrechen, nichts teilen</translation>
    </message>
    <message>
        <source>This is exactly what your partner will read. It is signed with your key and joins the shared ledger. Your private originals stay private. You can retract a shared reflection later; a note that you retracted it stays.</source>
        <translation>Genau das wird dein Gegenüber lesen. Es wird mit deinem Schlüssel unterschrieben und kommt in die gemeinsame Chronik. Deine privaten Originale bleiben privat. Du kannst eine geteilte Reflexion später zurückziehen; ein Vermerk, dass du sie zurückgezogen hast, bleibt.</translation>
    </message>
</context>
<context>
    <name>CreatePage</name>
    <message>
        <source>Creating your vault</source>
        <translation>Euer Tresor wird angelegt</translation>
    </message>
    <message>
        <source>Making the keys takes a few seconds on purpose: it slows down guessing.</source>
        <translation>Die Schlüssel zu erzeugen dauert absichtlich ein paar Sekunden: Das bremst jedes Raten aus.</translation>
    </message>
    <message>
        <source>Creating the vault</source>
        <translation>Tresor wird angelegt</translation>
    </message>
    <message>
        <source>Preparing…</source>
        <translation>Wird vorbereitet…</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Noch einmal versuchen</translation>
    </message>
    <message>
        <source>Try creating again</source>
        <translation>Noch einmal anlegen</translation>
    </message>
    <message>
        <source>Deriving keys and creating the encrypted files…</source>
        <translation>Schlüssel werden abgeleitet und die verschlüsselten Dateien angelegt…</translation>
    </message>
    <message>
        <source>Your vault is ready.</source>
        <translation>Euer Tresor ist bereit.</translation>
    </message>
</context>
<context>
    <name>Dates</name>
    <message>
        <source>dd MMM yyyy</source>
        <translation>d. MMM yyyy</translation>
    </message>
    <message>
        <source>dd MMMM yyyy</source>
        <translation>d. MMMM yyyy</translation>
    </message>
    <message>
        <source>ddd dd MMM yyyy</source>
        <translation>ddd, d. MMM yyyy</translation>
    </message>
    <message>
        <source>dddd dd MMMM yyyy</source>
        <translation>dddd, d. MMMM yyyy</translation>
    </message>
    <message>
        <source>dddd, dd MMMM yyyy</source>
        <translation>dddd, d. MMMM yyyy</translation>
    </message>
    <message>
        <source>dddd dd MMMM yyyy, HH:mm</source>
        <translation>dddd, d. MMMM yyyy, HH:mm</translation>
    </message>
    <message>
        <source>dd MMM yyyy, HH:mm</source>
        <translation>d. MMM yyyy, HH:mm</translation>
    </message>
    <message>
        <source>ddd dd MMM yyyy, HH:mm</source>
        <translation>ddd, d. MMM yyyy, HH:mm</translation>
    </message>
    <message>
        <source>dd MMMM yyyy, HH:mm</source>
        <translation>d. MMMM yyyy, HH:mm</translation>
    </message>
    <message>
        <source>dd MMM, HH:mm</source>
        <translation>d. MMM, HH:mm</translation>
    </message>
    <message>
        <source>dd MMM HH:mm</source>
        <translation>d. MMM, HH:mm</translation>
    </message>
    <message>
        <source>dd MMM</source>
        <translation>d. MMM</translation>
    </message>
    <message>
        <source>ddd dd MMM</source>
        <translation>ddd, d. MMM</translation>
    </message>
    <message>
        <source>dd MMMM</source>
        <translation>d. MMMM</translation>
    </message>
    <message>
        <source>MMM yy</source>
        <translation>MMM yy</translation>
    </message>
    <message>
        <source>MMM yyyy</source>
        <translation>MMM yyyy</translation>
    </message>
    <message>
        <source>MMM</source>
        <translation>MMM</translation>
    </message>
    <message>
        <source>HH:mm</source>
        <translation>HH:mm</translation>
    </message>
</context>
<context>
    <name>EndSessionDialog</name>
    <message>
        <source>End the session</source>
        <translation>Die Sitzung beenden</translation>
    </message>
    <message>
        <source>Not ended</source>
        <translation>Nicht beendet</translation>
    </message>
    <message>
        <source>One line to remember it by (optional)</source>
        <translation>Eine Zeile zur Erinnerung (freiwillig)</translation>
    </message>
    <message>
        <source>{other}&apos;s passphrase</source>
        <translation>Passphrase von {other}</translation>
    </message>
    <message>
        <source>{other}&apos;s passphrase (optional)</source>
        <translation>Passphrase von {other} (freiwillig)</translation>
    </message>
    <message>
        <source>The summary speaks for both of you. It is signed by {signer}; {other}, type your passphrase to sign it too. Leave it empty and it shows as {signer}&apos;s proposal until {other} agrees.</source>
        <translation>Die Zusammenfassung spricht für euch beide. {signer} unterschreibt sie; {other}, gib deine Passphrase ein, um sie mit zu unterschreiben. Bleibt das Feld leer, erscheint sie als Vorschlag von {signer}, bis {other} zustimmt.</translation>
    </message>
</context>
<context>
    <name>EntryEditor</name>
    <message>
        <source>Kind of entry</source>
        <translation>Art des Eintrags</translation>
    </message>
    <message>
        <source>New entry</source>
        <translation>Neuer Eintrag</translation>
    </message>
    <message>
        <source>When this entry was written</source>
        <translation>Wann dieser Eintrag geschrieben wurde</translation>
    </message>
    <message>
        <source>Save status</source>
        <translation>Speicherstand</translation>
    </message>
    <message>
        <source>Feelings</source>
        <translation>Gefühle</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Schlagwörter</translation>
    </message>
    <message>
        <source>Tags, separated by commas</source>
        <translation>Schlagwörter, durch Kommas getrennt</translation>
    </message>
    <message>
        <source>Writing prompt</source>
        <translation>Schreibimpuls</translation>
    </message>
    <message>
        <source>Another prompt</source>
        <translation>Anderer Impuls</translation>
    </message>
    <message>
        <source>Show another prompt</source>
        <translation>Einen anderen Impuls zeigen</translation>
    </message>
    <message>
        <source>Entry text</source>
        <translation>Text des Eintrags</translation>
    </message>
    <message>
        <source>Write freely. Only you can read this.</source>
        <translation>Schreib frei heraus. Nur du kannst das lesen.</translation>
    </message>
    <message>
        <source>Formatting</source>
        <translation>Formatierung</translation>
    </message>
    <message>
        <source>Bold</source>
        <translation>Fett</translation>
    </message>
    <message>
        <source>Italic</source>
        <translation>Kursiv</translation>
    </message>
    <message>
        <source>Bulleted list</source>
        <translation>Aufzählung</translation>
    </message>
    <message>
        <source>Heading</source>
        <translation>Überschrift</translation>
    </message>
    <message>
        <source>Add to outbox</source>
        <translation>Zum Teilen vormerken</translation>
    </message>
    <message>
        <source>Add this entry or the selected passage to your outbox</source>
        <translation>Diesen Eintrag oder die markierte Stelle zum Teilen vormerken</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>Earlier versions of this entry</source>
        <translation>Frühere Fassungen dieses Eintrags</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Löschen…</translation>
    </message>
    <message>
        <source>Delete this entry</source>
        <translation>Diesen Eintrag löschen</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Art:</translation>
    </message>
    <message>
        <source>Feelings:</source>
        <translation>Gefühle:</translation>
    </message>
    <message>
        <source>Tags:</source>
        <translation>Schlagwörter:</translation>
    </message>
    <message>
        <source>Recovered, not yet saved</source>
        <translation>Wiederhergestellt, noch nicht gespeichert</translation>
    </message>
    <message>
        <source>Not saved yet</source>
        <translation>Noch nicht gespeichert</translation>
    </message>
    <message>
        <source>Written {when}</source>
        <translation>Geschrieben {when}</translation>
    </message>
    <message>
        <source> · edited {when}</source>
        <translation> · bearbeitet {when}</translation>
    </message>
    <message>
        <source> · shared</source>
        <translation> · geteilt</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Auswählen…</translation>
    </message>
    <message>
        <source>Editing…</source>
        <translation>Wird bearbeitet…</translation>
    </message>
    <message>
        <source>Draft kept</source>
        <translation>Entwurf aufbewahrt</translation>
    </message>
    <message>
        <source>Saved {time}</source>
        <translation>Gespeichert {time}</translation>
    </message>
    <message>
        <source>Not saved: {reason}</source>
        <translation>Nicht gespeichert: {reason}</translation>
    </message>
</context>
<context>
    <name>HandOverPage</name>
    <message>
        <source>Hand-over</source>
        <translation>Übergabe</translation>
    </message>
    <message>
        <source>Show my code</source>
        <translation>Meinen Code zeigen</translation>
    </message>
    <message>
        <source>{owner}&apos;s recovery code</source>
        <translation>Wiederherstellungscode von {owner}</translation>
    </message>
    <message>
        <source>Each code is shown only to its owner, once.</source>
        <translation>Jeder Code wird nur der Person gezeigt, der er gehört, und nur einmal.</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;{other}, please look away&lt;/b&gt; (or leave the room for a minute).&lt;/p&gt;&lt;p&gt;{owner}: press &lt;i&gt;Show my code&lt;/i&gt; when only you can see the screen. Your code lets anyone who has it reset your passphrase and read your private journal, so it is for your eyes only.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;{other}, bitte schau kurz weg&lt;/b&gt; (oder verlass für eine Minute den Raum).&lt;/p&gt;&lt;p&gt;{owner}: Drück auf &lt;i&gt;Meinen Code zeigen&lt;/i&gt;, wenn nur du den Bildschirm sehen kannst. Mit deinem Code kann jede Person, die ihn hat, deine Passphrase zurücksetzen und dein privates Tagebuch lesen – er ist also nur für dich bestimmt.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <source>Earlier versions</source>
        <translation>Frühere Fassungen</translation>
    </message>
    <message>
        <source>Now ({when})</source>
        <translation>Jetzt ({when})</translation>
    </message>
    <message>
        <source>Before {when}</source>
        <translation>Vor {when}</translation>
    </message>
    <message>
        <source>Versions</source>
        <translation>Fassungen</translation>
    </message>
    <message>
        <source>Version text</source>
        <translation>Text der Fassung</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>No earlier versions: this entry was not edited after it was first saved.</source>
        <translation>Keine früheren Fassungen: Dieser Eintrag wurde nach dem ersten Speichern nicht bearbeitet.</translation>
    </message>
</context>
<context>
    <name>IStatementHelper</name>
    <message>
        <source>Add an I-statement</source>
        <translation>Ich-Botschaft einfügen</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Ausblenden</translation>
    </message>
    <message>
        <source>Dismiss the suggestion</source>
        <translation>Den Vorschlag ausblenden</translation>
    </message>
    <message>
        <source>You wrote {noticed}. Your partner may hear it more easily as an I-statement: “{template}”</source>
        <translation>Du hast {noticed} geschrieben. Dein Gegenüber kann es als Ich-Botschaft vielleicht leichter hören: „{template}“</translation>
    </message>
    <message>
        <source>I felt … when … because …</source>
        <translation>Ich habe mich … gefühlt, als … weil …</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import into my journal</source>
        <translation>In mein Tagebuch importieren</translation>
    </message>
    <message>
        <source>Choose a file…</source>
        <translation>Datei auswählen…</translation>
    </message>
    <message>
        <source>Choose a file</source>
        <translation>Eine Datei auswählen</translation>
    </message>
    <message>
        <source>Choose a folder…</source>
        <translation>Ordner auswählen…</translation>
    </message>
    <message>
        <source>Choose a folder</source>
        <translation>Einen Ordner auswählen</translation>
    </message>
    <message>
        <source>Importing</source>
        <translation>Import läuft</translation>
    </message>
    <message>
        <source>Import status</source>
        <translation>Stand des Imports</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importieren</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Bring entries from Day One (its JSON export .zip), jrnl (--export json, or its text file), or a folder of Markdown and text files into your private journal. You see what will be imported before anything is written; importing the same file again adds nothing.</source>
        <translation>Hol Einträge aus Day One (dessen JSON-Export als .zip), jrnl (--export json oder seine Textdatei) oder einem Ordner mit Markdown- und Textdateien in dein privates Tagebuch. Du siehst, was importiert wird, bevor etwas geschrieben wird; dieselbe Datei ein zweites Mal zu importieren fügt nichts hinzu.</translation>
    </message>
    <message>
        <source>Choose an export</source>
        <translation>Einen Export auswählen</translation>
    </message>
    <message>
        <source>Journal exports (*.zip *.json *.txt *.md *.markdown);;All files (*)</source>
        <translation>Tagebuch-Exporte (*.zip *.json *.txt *.md *.markdown);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Choose a folder of Markdown or text files</source>
        <translation>Einen Ordner mit Markdown- oder Textdateien auswählen</translation>
    </message>
    <message>
        <source>Reading %s…</source>
        <translation>%s wird gelesen…</translation>
    </message>
    <message>
        <source>Will be skipped: %s</source>
        <translation>Wird übersprungen: %s</translation>
    </message>
    <message numerus="yes">
        <source>Import %n entries</source>
        <translation>
            <numerusform>%Ln Eintrag importieren</numerusform>
            <numerusform>%Ln Einträge importieren</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %n entries into your journal.</source>
        <translation>
            <numerusform>%Ln Eintrag wurde in dein Tagebuch importiert.</numerusform>
            <numerusform>%Ln Einträge wurden in dein Tagebuch importiert.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing new to import.</source>
        <translation>Nichts Neues zu importieren.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>ImprovementsDialog</name>
    <message>
        <source>Wins</source>
        <translation>Erfolge</translation>
    </message>
    <message>
        <source>What you have built</source>
        <translation>Was ihr aufgebaut habt</translation>
    </message>
    <message>
        <source>Wins and kept commitments</source>
        <translation>Erfolge und gehaltene Zusagen</translation>
    </message>
    <message numerus="yes">
        <source>Kept in the last %n weeks</source>
        <translation>
            <numerusform>In der letzten Woche gehalten</numerusform>
            <numerusform>In den letzten %Ln Wochen gehalten</numerusform>
        </translation>
    </message>
    <message>
        <source>One setback, beside what you have built</source>
        <translation>Ein Rückschlag – neben allem, was ihr aufgebaut habt</translation>
    </message>
    <message>
        <source>The setback is logged. Before you repair it, remember the improvements you have already achieved together:</source>
        <translation>Der Rückschlag ist festgehalten. Bevor ihr ihn wiedergutmacht, erinnert euch an das, was ihr gemeinsam schon verbessert habt:</translation>
    </message>
</context>
<context>
    <name>JointSessionPage</name>
    <message>
        <source>Agenda for the session</source>
        <translation>Themen für die Sitzung</translation>
    </message>
    <message>
        <source>Start a joint session…</source>
        <translation>Gemeinsame Sitzung beginnen…</translation>
    </message>
    <message>
        <source>Start a joint session</source>
        <translation>Eine gemeinsame Sitzung beginnen</translation>
    </message>
    <message>
        <source>Agenda</source>
        <translation>Themen</translation>
    </message>
    <message>
        <source>The session</source>
        <translation>Die Sitzung</translation>
    </message>
    <message>
        <source>Notes and outcomes</source>
        <translation>Notizen und Ergebnisse</translation>
    </message>
    <message>
        <source>A note</source>
        <translation>Eine Notiz</translation>
    </message>
    <message>
        <source>A note, or an outcome: what you agreed</source>
        <translation>Eine Notiz oder ein Ergebnis: worauf ihr euch geeinigt habt</translation>
    </message>
    <message>
        <source>Add note</source>
        <translation>Notiz hinzufügen</translation>
    </message>
    <message>
        <source>Add a note</source>
        <translation>Eine Notiz hinzufügen</translation>
    </message>
    <message>
        <source>Add outcome</source>
        <translation>Ergebnis hinzufügen</translation>
    </message>
    <message>
        <source>Add an outcome</source>
        <translation>Ein Ergebnis hinzufügen</translation>
    </message>
    <message>
        <source>Objectives…</source>
        <translation>Ziele…</translation>
    </message>
    <message>
        <source>Therapy objectives and progress</source>
        <translation>Therapieziele und Fortschritte</translation>
    </message>
    <message>
        <source>Outcome → commitment…</source>
        <translation>Ergebnis → Zusage…</translation>
    </message>
    <message>
        <source>Make the latest outcome a commitment</source>
        <translation>Das letzte Ergebnis zu einer Zusage machen</translation>
    </message>
    <message>
        <source>Outcome → agreement…</source>
        <translation>Ergebnis → Vereinbarung…</translation>
    </message>
    <message>
        <source>Add the latest outcome to the agreement</source>
        <translation>Das letzte Ergebnis in die Vereinbarung aufnehmen</translation>
    </message>
    <message>
        <source>End the session</source>
        <translation>Die Sitzung beenden</translation>
    </message>
    <message>
        <source>Joint session</source>
        <translation>Gemeinsame Sitzung</translation>
    </message>
    <message>
        <source>Together on this machine. The pause rule and the safety plan are one click away in the sidebar (F1).</source>
        <translation>Gemeinsam an diesem Computer. Die Pausenregel und der Sicherheitsplan sind in der Seitenleiste nur einen Klick entfernt (F1).</translation>
    </message>
    <message>
        <source>Notes and outcomes are signed by {signer} (whose passphrase opened this session) and join the shared ledger; {partner} reads them too.</source>
        <translation>Notizen und Ergebnisse unterschreibt {signer} (mit dieser Passphrase wurde die Sitzung geöffnet); sie kommen in die gemeinsame Chronik, und {partner} liest sie auch.</translation>
    </message>
    <message>
        <source> and </source>
        <translation> und </translation>
    </message>
    <message>
        <source>{label}, opened {when} by {who}</source>
        <translation>{label}, begonnen {when} von {who}</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;i&gt;No notes yet.&lt;/i&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;i&gt;Noch keine Notizen.&lt;/i&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Not added</source>
        <translation>Nicht hinzugefügt</translation>
    </message>
    <message>
        <source>From our joint session</source>
        <translation>Aus unserer gemeinsamen Sitzung</translation>
    </message>
    <message>
        <source>New objective…</source>
        <translation>Neues Ziel…</translation>
    </message>
    <message>
        <source>Therapy objectives</source>
        <translation>Therapieziele</translation>
    </message>
    <message>
        <source>Which objective?</source>
        <translation>Welches Ziel?</translation>
    </message>
    <message>
        <source>New objective</source>
        <translation>Neues Ziel</translation>
    </message>
    <message>
        <source>What are you working toward?</source>
        <translation>Worauf arbeitet ihr hin?</translation>
    </message>
    <message>
        <source>Add it</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <source>What moved on “{choice}”?</source>
        <translation>Was hat sich bei „{choice}“ bewegt?</translation>
    </message>
</context>
<context>
    <name>JournalDelegate</name>
    <message>
        <source>Shared</source>
        <translation>Geteilt</translation>
    </message>
    <message>
        <source>In your outbox</source>
        <translation>Zum Teilen vorgemerkt</translation>
    </message>
    <message>
        <source>Private</source>
        <translation>Privat</translation>
    </message>
</context>
<context>
    <name>JournalExportDialog</name>
    <message>
        <source>Export my journal</source>
        <translation>Mein Tagebuch exportieren</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Include earlier versions of edited entries</source>
        <translation>Frühere Fassungen bearbeiteter Einträge mitnehmen</translation>
    </message>
    <message>
        <source>Include edit history</source>
        <translation>Bearbeitungsverlauf mitnehmen</translation>
    </message>
    <message>
        <source>Exporting</source>
        <translation>Export läuft</translation>
    </message>
    <message>
        <source>Export status</source>
        <translation>Stand des Exports</translation>
    </message>
    <message>
        <source>Choose a new folder…</source>
        <translation>Neuen Ordner auswählen…</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Your private journal, only yours, as plain files you can open anywhere. Nothing from the shared ledger or from %s is included.</source>
        <translation>Dein privates Tagebuch, nur deins, als einfache Dateien, die du überall öffnen kannst. Nichts aus der gemeinsamen Chronik oder von %s ist dabei.</translation>
    </message>
    <message>
        <source>These files are NOT encrypted. Anyone with access to the folder can read every entry. Choose a place only you can reach, and delete the files when you no longer need them.</source>
        <translation>Diese Dateien sind NICHT verschlüsselt. Wer Zugriff auf den Ordner hat, kann jeden Eintrag lesen. Wähl einen Ort, an den nur du kommst, und lösch die Dateien, wenn du sie nicht mehr brauchst.</translation>
    </message>
    <message>
        <source>Where to create the export folder</source>
        <translation>Wo der Export-Ordner angelegt werden soll</translation>
    </message>
    <message>
        <source>Writing the files…</source>
        <translation>Die Dateien werden geschrieben…</translation>
    </message>
    <message numerus="yes">
        <source>%n entries written to {folder}. These files are not encrypted.</source>
        <translation>
            <numerusform>%Ln Eintrag wurde nach {folder} geschrieben. Diese Dateien sind nicht verschlüsselt.</numerusform>
            <numerusform>%Ln Einträge wurden nach {folder} geschrieben. Diese Dateien sind nicht verschlüsselt.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>JournalFilterBar</name>
    <message>
        <source>Any time</source>
        <translation>Jederzeit</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Letzte 7 Tage</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Letzte 30 Tage</translation>
    </message>
    <message>
        <source>Last 3 months</source>
        <translation>Letzte 3 Monate</translation>
    </message>
    <message>
        <source>Last year</source>
        <translation>Letztes Jahr</translation>
    </message>
    <message>
        <source>Between…</source>
        <translation>Zwischen…</translation>
    </message>
    <message>
        <source>Show entries of kind</source>
        <translation>Einträge dieser Art zeigen</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>Alle Arten</translation>
    </message>
    <message>
        <source>Show entries with feeling</source>
        <translation>Einträge mit diesem Gefühl zeigen</translation>
    </message>
    <message>
        <source>Show entries with tag</source>
        <translation>Einträge mit diesem Schlagwort zeigen</translation>
    </message>
    <message>
        <source>Show entries written</source>
        <translation>Einträge zeigen, geschrieben</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>Bis</translation>
    </message>
    <message>
        <source>d MMM yyyy</source>
        <translation>d. MMM yyyy</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Zurücksetzen</translation>
    </message>
    <message>
        <source>Show all entries</source>
        <translation>Alle Einträge zeigen</translation>
    </message>
    <message>
        <source>Any feeling</source>
        <translation>Jedes Gefühl</translation>
    </message>
    <message>
        <source>Any tag</source>
        <translation>Jedes Schlagwort</translation>
    </message>
</context>
<context>
    <name>JournalPage</name>
    <message>
        <source>Search your journal and the shared ledger</source>
        <translation>Dein Tagebuch und die gemeinsame Chronik durchsuchen</translation>
    </message>
    <message>
        <source>Search journal and shared ledger (Ctrl+F)</source>
        <translation>Tagebuch und gemeinsame Chronik durchsuchen (Strg+F)</translation>
    </message>
    <message>
        <source>New entry</source>
        <translation>Neuer Eintrag</translation>
    </message>
    <message>
        <source>New entry (Ctrl+N)</source>
        <translation>Neuer Eintrag (Strg+N)</translation>
    </message>
    <message>
        <source>Start a new private entry (Ctrl+N)</source>
        <translation>Einen neuen privaten Eintrag beginnen (Strg+N)</translation>
    </message>
    <message>
        <source>Your entries, newest first</source>
        <translation>Deine Einträge, die neuesten zuerst</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>Suchergebnisse</translation>
    </message>
    <message>
        <source>No matches.</source>
        <translation>Keine Treffer.</translation>
    </message>
    <message>
        <source>Recovered draft</source>
        <translation>Wiederhergestellter Entwurf</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Wiederherstellen</translation>
    </message>
    <message>
        <source>Restore the unsaved text</source>
        <translation>Den ungespeicherten Text wiederherstellen</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Verwerfen</translation>
    </message>
    <message>
        <source>Discard the unsaved text</source>
        <translation>Den ungespeicherten Text verwerfen</translation>
    </message>
    <message>
        <source>entry #{record_id}</source>
        <translation>Eintrag Nr. {record_id}</translation>
    </message>
    <message>
        <source>a new entry</source>
        <translation>ein neuer Eintrag</translation>
    </message>
    <message>
        <source>Twofold kept text you had not saved ({target}, {when}). Restore it?</source>
        <translation>Twofold hat Text aufbewahrt, den du nicht gespeichert hattest ({target}, {when}). Wiederherstellen?</translation>
    </message>
    <message numerus="yes">
        <source>%n entries</source>
        <translation>
            <numerusform>%Ln Eintrag</numerusform>
            <numerusform>%Ln Einträge</numerusform>
        </translation>
    </message>
    <message>
        <source>{entries} · private to you</source>
        <translation>{entries} · nur für dich</translation>
    </message>
    <message>
        <source>{entries} match this filter{kinds} · private to you</source>
        <translation>{entries} passen zu diesem Filter{kinds} · nur für dich</translation>
    </message>
    <message>
        <source>Your entry was not saved</source>
        <translation>Dein Eintrag wurde nicht gespeichert</translation>
    </message>
    <message>
        <source>The entry could not be opened</source>
        <translation>Der Eintrag konnte nicht geöffnet werden</translation>
    </message>
    <message>
        <source>Search failed</source>
        <translation>Die Suche ist fehlgeschlagen</translation>
    </message>
    <message numerus="yes">
        <source>The newest %n matches for “{text}”; add a word to narrow the search</source>
        <translation>
            <numerusform>Der neueste Treffer für „{text}“; ein weiteres Wort grenzt die Suche ein</numerusform>
            <numerusform>Die neuesten %Ln Treffer für „{text}“; ein weiteres Wort grenzt die Suche ein</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n matches for “{text}”</source>
        <translation>
            <numerusform>%Ln Treffer für „{text}“</numerusform>
            <numerusform>%Ln Treffer für „{text}“</numerusform>
        </translation>
    </message>
    <message>
        <source>Not added to your outbox</source>
        <translation>Nicht zum Teilen vorgemerkt</translation>
    </message>
    <message>
        <source>The selected passage</source>
        <translation>Die markierte Stelle</translation>
    </message>
    <message>
        <source>This entry</source>
        <translation>Dieser Eintrag</translation>
    </message>
    <message>
        <source>{what} is in your outbox</source>
        <translation>{what} ist zum Teilen vorgemerkt</translation>
    </message>
    <message>
        <source>Delete this entry?</source>
        <translation>Diesen Eintrag löschen?</translation>
    </message>
    <message>
        <source>The entry, its earlier versions and anything of it waiting in your outbox are erased for good. What you already shared stays shared (you can retract it on the timeline).</source>
        <translation>Der Eintrag, seine früheren Fassungen und alles, was davon zum Teilen vorgemerkt ist, werden endgültig gelöscht. Was du schon geteilt hast, bleibt geteilt (du kannst es auf der Zeitleiste zurückziehen).</translation>
    </message>
    <message>
        <source>The entry was not deleted</source>
        <translation>Der Eintrag wurde nicht gelöscht</translation>
    </message>
    <message>
        <source>The kept text could not be restored</source>
        <translation>Der aufbewahrte Text konnte nicht wiederhergestellt werden</translation>
    </message>
    <message>
        <source>The kept text could not be discarded</source>
        <translation>Der aufbewahrte Text konnte nicht verworfen werden</translation>
    </message>
</context>
<context>
    <name>KeyChangeDialog</name>
    <message>
        <source>Renew your recovery code</source>
        <translation>Deinen Wiederherstellungscode erneuern</translation>
    </message>
    <message>
        <source>Change your passphrase</source>
        <translation>Deine Passphrase ändern</translation>
    </message>
    <message>
        <source>Your current passphrase</source>
        <translation>Deine aktuelle Passphrase</translation>
    </message>
    <message>
        <source>Your passphrase</source>
        <translation>Deine Passphrase</translation>
    </message>
    <message>
        <source>Changing keys</source>
        <translation>Schlüssel werden geändert</translation>
    </message>
    <message>
        <source>Key change message</source>
        <translation>Meldung zur Schlüsseländerung</translation>
    </message>
    <message>
        <source>Renew my code</source>
        <translation>Meinen Code erneuern</translation>
    </message>
    <message>
        <source>Change passphrase</source>
        <translation>Passphrase ändern</translation>
    </message>
    <message>
        <source>A new recovery code replaces yours; the old one stops working. Your journal gets a new key, so type your passphrase to confirm.</source>
        <translation>Ein neuer Wiederherstellungscode ersetzt deinen; der alte funktioniert dann nicht mehr. Dein Tagebuch bekommt einen neuen Schlüssel – gib zur Bestätigung deine Passphrase ein.</translation>
    </message>
    <message>
        <source>Your journal gets a new key and you get a new recovery code: the old passphrase and the old code will open nothing current.</source>
        <translation>Dein Tagebuch bekommt einen neuen Schlüssel und du einen neuen Wiederherstellungscode: Die alte Passphrase und der alte Code öffnen dann nichts Aktuelles mehr.</translation>
    </message>
    <message>
        <source>Your new recovery code</source>
        <translation>Dein neuer Wiederherstellungscode</translation>
    </message>
    <message>
        <source>Your new passphrase is set</source>
        <translation>Deine neue Passphrase ist gesetzt</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Responsibilities</source>
        <translation>Zuständigkeiten</translation>
    </message>
    <message>
        <source>What each of us takes care of, concretely.</source>
        <translation>Worum sich jede und jeder von uns ganz konkret kümmert.</translation>
    </message>
    <message>
        <source>Boundaries</source>
        <translation>Grenzen</translation>
    </message>
    <message>
        <source>Our non-negotiables, and the practical behaviours that express them.</source>
        <translation>Was für uns nicht verhandelbar ist, und das konkrete Verhalten, das es ausdrückt.</translation>
    </message>
    <message>
        <source>When a lapse happens</source>
        <translation>Wenn etwas schiefgeht</translation>
    </message>
    <message>
        <source>How a lapse is raised, repaired and put behind us.</source>
        <translation>Wie ein Ausrutscher angesprochen, wiedergutgemacht und hinter uns gelassen wird.</translation>
    </message>
    <message>
        <source>Reflection</source>
        <translation>Reflexion</translation>
    </message>
    <message>
        <source>Trigger noticed</source>
        <translation>Auslöser bemerkt</translation>
    </message>
    <message>
        <source>What I need</source>
        <translation>Was ich brauche</translation>
    </message>
    <message>
        <source>Gratitude</source>
        <translation>Dankbarkeit</translation>
    </message>
    <message>
        <source>Draft to share</source>
        <translation>Entwurf zum Teilen</translation>
    </message>
    <message>
        <source>Consent rules</source>
        <translation>Regeln der Zustimmung</translation>
    </message>
    <message>
        <source>Commitment accepted</source>
        <translation>Zusage angenommen</translation>
    </message>
    <message>
        <source>Commitment declined</source>
        <translation>Zusage abgelehnt</translation>
    </message>
    <message>
        <source>Concern</source>
        <translation>Anliegen</translation>
    </message>
    <message>
        <source>New terms proposed</source>
        <translation>Neue Bedingungen vorgeschlagen</translation>
    </message>
    <message>
        <source>New terms accepted</source>
        <translation>Neue Bedingungen angenommen</translation>
    </message>
    <message>
        <source>New terms declined</source>
        <translation>Neue Bedingungen abgelehnt</translation>
    </message>
    <message>
        <source>Check-in answered</source>
        <translation>Check-in beantwortet</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>Zurückgezogen</translation>
    </message>
    <message>
        <source>Who was hurt</source>
        <translation>Wer verletzt wurde</translation>
    </message>
    <message>
        <source>Who was hurt: agreed</source>
        <translation>Wer verletzt wurde: vereinbart</translation>
    </message>
    <message>
        <source>Pace</source>
        <translation>Tempo</translation>
    </message>
    <message>
        <source>Request to talk</source>
        <translation>Bitte um ein Gespräch</translation>
    </message>
    <message>
        <source>Answer to a request</source>
        <translation>Antwort auf eine Bitte</translation>
    </message>
    <message>
        <source>Session summary agreed</source>
        <translation>Zusammenfassung der Sitzung vereinbart</translation>
    </message>
    <message>
        <source>Requests to talk</source>
        <translation>Bitten um ein Gespräch</translation>
    </message>
    <message>
        <source>Open setbacks</source>
        <translation>Offene Rückschläge</translation>
    </message>
    <message>
        <source>Commitments to review</source>
        <translation>Zusagen zum Besprechen</translation>
    </message>
    <message>
        <source>Newly shared</source>
        <translation>Neu geteilt</translation>
    </message>
    <message>
        <source>Proposed</source>
        <translation>Vorgeschlagen</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>Angenommen</translation>
    </message>
    <message>
        <source>Declined</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <source>Ended together</source>
        <translation>Gemeinsam beendet</translation>
    </message>
    <message>
        <source>Ended by one</source>
        <translation>Von einer Person beendet</translation>
    </message>
    <message>
        <source>A boundary feels strained</source>
        <translation>Eine Grenze fühlt sich angespannt an</translation>
    </message>
    <message>
        <source>I&apos;d like us to talk</source>
        <translation>Ich würde gern mit dir reden</translation>
    </message>
    <message>
        <source>PDF</source>
        <translation>PDF</translation>
    </message>
    <message>
        <source>Markdown</source>
        <translation>Markdown</translation>
    </message>
    <message>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <source>Shared timeline</source>
        <translation>Gemeinsame Zeitleiste</translation>
    </message>
    <message>
        <source>Commitments and how they were kept</source>
        <translation>Zusagen und wie sie gehalten wurden</translation>
    </message>
    <message>
        <source>The agreement: versions and changes</source>
        <translation>Die Vereinbarung: Fassungen und Änderungen</translation>
    </message>
    <message>
        <source>Setbacks and repairs</source>
        <translation>Rückschläge und Wiedergutmachung</translation>
    </message>
    <message>
        <source>Wins and milestones</source>
        <translation>Erfolge und Meilensteine</translation>
    </message>
    <message>
        <source>Check-in answers</source>
        <translation>Antworten aus den Check-ins</translation>
    </message>
    <message>
        <source>Joint sessions and therapy objectives</source>
        <translation>Gemeinsame Sitzungen und Therapieziele</translation>
    </message>
    <message>
        <source>Weekly check-in</source>
        <translation>Wöchentlicher Check-in</translation>
    </message>
    <message>
        <source>Progress dinner</source>
        <translation>Fortschritts-Abendessen</translation>
    </message>
    <message>
        <source>Therapy session</source>
        <translation>Therapiesitzung</translation>
    </message>
    <message>
        <source>Vault created</source>
        <translation>Tresor angelegt</translation>
    </message>
    <message>
        <source>Vault confirmed</source>
        <translation>Tresor bestätigt</translation>
    </message>
    <message>
        <source>Shared reflection</source>
        <translation>Geteilte Reflexion</translation>
    </message>
    <message>
        <source>Retracted</source>
        <translation>Zurückgezogen</translation>
    </message>
    <message>
        <source>New commitment</source>
        <translation>Neue Zusage</translation>
    </message>
    <message>
        <source>Commitment renegotiated</source>
        <translation>Zusage neu ausgehandelt</translation>
    </message>
    <message>
        <source>Commitment check-off</source>
        <translation>Zusage abgehakt</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>Anerkannt</translation>
    </message>
    <message>
        <source>Commitment ended</source>
        <translation>Zusage beendet</translation>
    </message>
    <message>
        <source>Safety plan</source>
        <translation>Sicherheitsplan</translation>
    </message>
    <message>
        <source>Agreement version</source>
        <translation>Fassung der Vereinbarung</translation>
    </message>
    <message>
        <source>Agreement acknowledged</source>
        <translation>Vereinbarung bestätigt</translation>
    </message>
    <message>
        <source>Check-in</source>
        <translation>Check-in</translation>
    </message>
    <message>
        <source>Setback</source>
        <translation>Rückschlag</translation>
    </message>
    <message>
        <source>Repair step</source>
        <translation>Schritt der Wiedergutmachung</translation>
    </message>
    <message>
        <source>Counter-measure</source>
        <translation>Gegenmaßnahme</translation>
    </message>
    <message>
        <source>Win</source>
        <translation>Erfolg</translation>
    </message>
    <message>
        <source>Appreciation</source>
        <translation>Wertschätzung</translation>
    </message>
    <message>
        <source>Our values</source>
        <translation>Unsere Werte</translation>
    </message>
    <message>
        <source>Our story</source>
        <translation>Unsere Geschichte</translation>
    </message>
    <message>
        <source>Joint session</source>
        <translation>Gemeinsame Sitzung</translation>
    </message>
    <message>
        <source>Joint session confirmed</source>
        <translation>Gemeinsame Sitzung bestätigt</translation>
    </message>
    <message>
        <source>Session note</source>
        <translation>Notiz zur Sitzung</translation>
    </message>
    <message>
        <source>Session outcome</source>
        <translation>Ergebnis der Sitzung</translation>
    </message>
    <message>
        <source>Session ended</source>
        <translation>Sitzung beendet</translation>
    </message>
    <message>
        <source>Therapy objective</source>
        <translation>Therapieziel</translation>
    </message>
    <message>
        <source>Objective progress</source>
        <translation>Fortschritt beim Ziel</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>Export agreed</source>
        <translation>Export zugestimmt</translation>
    </message>
    <message>
        <source>Left the vault</source>
        <translation>Hat den Tresor verlassen</translation>
    </message>
    <message>
        <source>Key change</source>
        <translation>Schlüsseländerung</translation>
    </message>
    <message>
        <source>3 months</source>
        <translation>3 Monate</translation>
    </message>
    <message>
        <source>A year</source>
        <translation>Ein Jahr</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Alles</translation>
    </message>
    <message>
        <source>Repaired</source>
        <translation>Wiedergutgemacht</translation>
    </message>
    <message>
        <source>Restored</source>
        <translation>Wiederhergestellt</translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation>Anerkennen</translation>
    </message>
    <message>
        <source>Repair</source>
        <translation>Wiedergutmachen</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Wiederherstellen</translation>
    </message>
    <message>
        <source>Day One (JSON export)</source>
        <translation>Day One (JSON-Export)</translation>
    </message>
    <message>
        <source>jrnl (JSON export)</source>
        <translation>jrnl (JSON-Export)</translation>
    </message>
    <message>
        <source>jrnl (plain text)</source>
        <translation>jrnl (reiner Text)</translation>
    </message>
    <message>
        <source>Markdown and text files</source>
        <translation>Markdown- und Textdateien</translation>
    </message>
    <message>
        <source>Kept</source>
        <translation>Gehalten</translation>
    </message>
    <message>
        <source>Kept (hard-day version)</source>
        <translation>Gehalten (Version für schwere Tage)</translation>
    </message>
    <message>
        <source>Missed</source>
        <translation>Nicht geschafft</translation>
    </message>
    <message>
        <source>Renegotiated</source>
        <translation>Neu ausgehandelt</translation>
    </message>
    <message>
        <source>Markdown, one file per entry</source>
        <translation>Markdown, eine Datei pro Eintrag</translation>
    </message>
    <message>
        <source>Markdown, one file per month</source>
        <translation>Markdown, eine Datei pro Monat</translation>
    </message>
    <message>
        <source>JSON, one file</source>
        <translation>JSON, eine Datei</translation>
    </message>
    <message>
        <source>Very weak</source>
        <translation>Sehr schwach</translation>
    </message>
    <message>
        <source>Weak</source>
        <translation>Schwach</translation>
    </message>
    <message>
        <source>Fair</source>
        <translation>Mittel</translation>
    </message>
    <message>
        <source>Good</source>
        <translation>Gut</translation>
    </message>
    <message>
        <source>Strong</source>
        <translation>Stark</translation>
    </message>
    <message>
        <source>A month ago</source>
        <translation>Vor einem Monat</translation>
    </message>
    <message>
        <source>Three months ago</source>
        <translation>Vor drei Monaten</translation>
    </message>
    <message>
        <source>A year ago</source>
        <translation>Vor einem Jahr</translation>
    </message>
    <message>
        <source>a month ago</source>
        <translation>vor einem Monat</translation>
    </message>
    <message>
        <source>three months ago</source>
        <translation>vor drei Monaten</translation>
    </message>
    <message>
        <source>a year ago</source>
        <translation>vor einem Jahr</translation>
    </message>
    <message>
        <source>Choose a passphrase: four or five unrelated words work well.</source>
        <translation>Wähl eine Passphrase: Vier oder fünf Wörter, die nichts miteinander zu tun haben, funktionieren gut.</translation>
    </message>
    <message>
        <source>This is one of the most common passwords; pick something of your own.</source>
        <translation>Das ist eines der häufigsten Passwörter; nimm etwas ganz Eigenes.</translation>
    </message>
    <message>
        <source>Leave out your names: they are the first thing anyone would try.</source>
        <translation>Lass eure Namen weg: Sie sind das Erste, was jemand ausprobieren würde.</translation>
    </message>
    <message>
        <source>Avoid repeated characters like “aaa”.</source>
        <translation>Vermeide wiederholte Zeichen wie „aaa“.</translation>
    </message>
    <message>
        <source>Avoid sequences like “1234” or “qwerty”.</source>
        <translation>Vermeide Folgen wie „1234“ oder „qwertz“.</translation>
    </message>
    <message>
        <source>Years and dates are easy to guess.</source>
        <translation>Jahreszahlen und Daten sind leicht zu erraten.</translation>
    </message>
    <message>
        <source>Use at least 8 characters; 12 or more is better.</source>
        <translation>Nimm mindestens 8 Zeichen; 12 oder mehr sind besser.</translation>
    </message>
    <message>
        <source>Longer is stronger: aim for 12 characters or more.</source>
        <translation>Länger ist stärker: Peile 12 Zeichen oder mehr an.</translation>
    </message>
    <message>
        <source>Try four or five unrelated words, e.g. “lamp orbit velvet canyon”.</source>
        <translation>Versuch es mit vier oder fünf Wörtern, die nichts miteinander zu tun haben, z. B. „Lampe Umlaufbahn Samt Schlucht“.</translation>
    </message>
    <message>
        <source>Strong. Use it for Twofold only, nowhere else.</source>
        <translation>Stark. Verwende sie nur für Twofold, nirgendwo sonst.</translation>
    </message>
    <message>
        <source>All commitments</source>
        <translation>Alle Zusagen</translation>
    </message>
    <message>
        <source>Commitments kept per week</source>
        <translation>Gehaltene Zusagen pro Woche</translation>
    </message>
    <message>
        <source>Daily check-ins kept per week (of 7)</source>
        <translation>Tägliche Check-ins pro Woche (von 7)</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>Feeling</source>
        <translation>Gefühl</translation>
    </message>
    <message>
        <source>Feelings that come with triggers</source>
        <translation>Gefühle, die mit Auslösern kommen</translation>
    </message>
    <message>
        <source>Hour</source>
        <translation>Stunde</translation>
    </message>
    <message>
        <source>Milestone</source>
        <translation>Meilenstein</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Monat</translation>
    </message>
    <message>
        <source>My feelings over time (entries and check-ins)</source>
        <translation>Meine Gefühle im Lauf der Zeit (Einträge und Check-ins)</translation>
    </message>
    <message>
        <source>My most used tags</source>
        <translation>Meine häufigsten Schlagwörter</translation>
    </message>
    <message>
        <source>Strength of each commitment</source>
        <translation>Stärke jeder Zusage</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>Schlagwort</translation>
    </message>
    <message>
        <source>Times</source>
        <translation>Anzahl</translation>
    </message>
    <message>
        <source>Triggers by hour of the day</source>
        <translation>Auslöser nach Tageszeit</translation>
    </message>
    <message>
        <source>Triggers by weekday</source>
        <translation>Auslöser nach Wochentag</translation>
    </message>
    <message>
        <source>Triggers noticed per week</source>
        <translation>Bemerkte Auslöser pro Woche</translation>
    </message>
    <message>
        <source>Triggers</source>
        <translation>Auslöser</translation>
    </message>
    <message>
        <source>Week of</source>
        <translation>Woche vom</translation>
    </message>
    <message>
        <source>Weekday</source>
        <translation>Wochentag</translation>
    </message>
    <message>
        <source>Wins and setbacks per month</source>
        <translation>Erfolge und Rückschläge pro Monat</translation>
    </message>
    <message>
        <source>Wins</source>
        <translation>Erfolge</translation>
    </message>
    <message>
        <source>Setbacks</source>
        <translation>Rückschläge</translation>
    </message>
    <message>
        <source>Milestones</source>
        <translation>Meilensteine</translation>
    </message>
    <message>
        <source>Monday</source>
        <translation>Montag</translation>
    </message>
    <message>
        <source>Tuesday</source>
        <translation>Dienstag</translation>
    </message>
    <message>
        <source>Wednesday</source>
        <translation>Mittwoch</translation>
    </message>
    <message>
        <source>Thursday</source>
        <translation>Donnerstag</translation>
    </message>
    <message>
        <source>Friday</source>
        <translation>Freitag</translation>
    </message>
    <message>
        <source>Saturday</source>
        <translation>Samstag</translation>
    </message>
    <message>
        <source>Sunday</source>
        <translation>Sonntag</translation>
    </message>
    <message>
        <source>What helped you feel secure this week?</source>
        <translation>Was hat dir diese Woche geholfen, dich sicher zu fühlen?</translation>
    </message>
    <message>
        <source>What happened today that I keep coming back to?</source>
        <translation>Was ist heute passiert, zu dem ich immer wieder zurückkehre?</translation>
    </message>
    <message>
        <source>What did I feel in my body before I could name it?</source>
        <translation>Was habe ich in meinem Körper gespürt, bevor ich es benennen konnte?</translation>
    </message>
    <message>
        <source>What would I want my partner to understand about today, if it were safe to say it?</source>
        <translation>Was möchte ich, dass mein Gegenüber über heute versteht – wenn es sicher wäre, es zu sagen?</translation>
    </message>
    <message>
        <source>Where did I keep a promise today, even a small one?</source>
        <translation>Wo habe ich heute ein Versprechen gehalten, und sei es ein kleines?</translation>
    </message>
    <message>
        <source>What am I afraid will happen if I say what I really think?</source>
        <translation>Wovor habe ich Angst, wenn ich sage, was ich wirklich denke?</translation>
    </message>
    <message>
        <source>What did I see or hear just before the feeling rose?</source>
        <translation>Was habe ich gesehen oder gehört, kurz bevor das Gefühl aufkam?</translation>
    </message>
    <message>
        <source>What story did my mind tell me in that moment?</source>
        <translation>Welche Geschichte hat mir mein Kopf in diesem Moment erzählt?</translation>
    </message>
    <message>
        <source>How strong was it, from 1 to 10, and how long did it last?</source>
        <translation>Wie stark war es, von 1 bis 10, und wie lange hat es angehalten?</translation>
    </message>
    <message>
        <source>What helped the feeling pass, even a little?</source>
        <translation>Was hat geholfen, dass das Gefühl nachlässt, und sei es nur ein wenig?</translation>
    </message>
    <message>
        <source>What do I need right now, and from whom?</source>
        <translation>Was brauche ich gerade, und von wem?</translation>
    </message>
    <message>
        <source>What would help me feel a little safer this week?</source>
        <translation>Was würde mir helfen, mich diese Woche ein wenig sicherer zu fühlen?</translation>
    </message>
    <message>
        <source>What is one thing I could ask for that would be easy to say yes to?</source>
        <translation>Worum könnte ich bitten, zu dem es leicht ist, Ja zu sagen?</translation>
    </message>
    <message>
        <source>What small thing did my partner do today that I noticed?</source>
        <translation>Welche Kleinigkeit hat mein Gegenüber heute getan, die mir aufgefallen ist?</translation>
    </message>
    <message>
        <source>What went better than I expected?</source>
        <translation>Was lief besser, als ich erwartet hatte?</translation>
    </message>
    <message>
        <source>What about us am I still glad of?</source>
        <translation>Worüber bin ich bei uns immer noch froh?</translation>
    </message>
    <message>
        <source>I felt … when … because …</source>
        <translation>Ich habe mich … gefühlt, als …, weil …</translation>
    </message>
    <message>
        <source>What do I want my partner to hear, in words they can take in?</source>
        <translation>Was soll mein Gegenüber hören – in Worten, die es annehmen kann?</translation>
    </message>
    <message>
        <source>What am I asking for? (&quot;I&apos;d like us to talk about…&quot;)</source>
        <translation>Worum bitte ich? („Ich würde gern mit dir darüber reden, …“)</translation>
    </message>
    <message>
        <source>afraid</source>
        <translation>ängstlich</translation>
    </message>
    <message>
        <source>angry</source>
        <translation>wütend</translation>
    </message>
    <message>
        <source>anxious</source>
        <translation>unruhig</translation>
    </message>
    <message>
        <source>ashamed</source>
        <translation>beschämt</translation>
    </message>
    <message>
        <source>betrayed</source>
        <translation>betrogen</translation>
    </message>
    <message>
        <source>defensive</source>
        <translation>in der Defensive</translation>
    </message>
    <message>
        <source>guilty</source>
        <translation>schuldig</translation>
    </message>
    <message>
        <source>hurt</source>
        <translation>verletzt</translation>
    </message>
    <message>
        <source>jealous</source>
        <translation>eifersüchtig</translation>
    </message>
    <message>
        <source>lonely</source>
        <translation>einsam</translation>
    </message>
    <message>
        <source>numb</source>
        <translation>wie betäubt</translation>
    </message>
    <message>
        <source>overwhelmed</source>
        <translation>überfordert</translation>
    </message>
    <message>
        <source>resentful</source>
        <translation>verbittert</translation>
    </message>
    <message>
        <source>sad</source>
        <translation>traurig</translation>
    </message>
    <message>
        <source>tired</source>
        <translation>müde</translation>
    </message>
    <message>
        <source>vulnerable</source>
        <translation>verletzlich</translation>
    </message>
    <message>
        <source>calm</source>
        <translation>ruhig</translation>
    </message>
    <message>
        <source>close</source>
        <translation>verbunden</translation>
    </message>
    <message>
        <source>grateful</source>
        <translation>dankbar</translation>
    </message>
    <message>
        <source>hopeful</source>
        <translation>hoffnungsvoll</translation>
    </message>
    <message>
        <source>loved</source>
        <translation>geliebt</translation>
    </message>
    <message>
        <source>proud</source>
        <translation>stolz</translation>
    </message>
    <message>
        <source>relieved</source>
        <translation>erleichtert</translation>
    </message>
    <message>
        <source>safe</source>
        <translation>sicher</translation>
    </message>
    <message>
        <source>steady</source>
        <translation>gefestigt</translation>
    </message>
    <message>
        <source>tender</source>
        <translation>zärtlich</translation>
    </message>
    <message>
        <source>every day</source>
        <translation>jeden Tag</translation>
    </message>
    <message>
        <source>once a week</source>
        <translation>einmal pro Woche</translation>
    </message>
    <message>
        <source>on {days}</source>
        <translation>am {days}</translation>
    </message>
    <message>
        <source>once, by {date}</source>
        <translation>einmal, bis {date}</translation>
    </message>
    <message>
        <source>The shared timeline could not be searched: its search index is damaged or was altered (by someone with the vault key, or a disk fault). Its entries are still on the timeline.</source>
        <translation>Die gemeinsame Zeitleiste konnte nicht durchsucht werden: Ihr Suchindex ist beschädigt oder wurde verändert (von jemandem mit dem Tresorschlüssel oder durch einen Fehler des Datenträgers). Ihre Einträge stehen weiterhin in der Zeitleiste.</translation>
    </message>
    <message>
        <source>Your journal could not be searched: its search index is damaged or was altered (a disk fault, or the file was changed outside Twofold). Its entries are still in your journal.</source>
        <translation>Dein Tagebuch konnte nicht durchsucht werden: Sein Suchindex ist beschädigt oder wurde verändert (ein Fehler des Datenträgers, oder die Datei wurde außerhalb von Twofold geändert). Seine Einträge stehen weiterhin in deinem Tagebuch.</translation>
    </message>
    <message>
        <source>Daily check-in</source>
        <translation>Täglicher Check-in</translation>
    </message>
    <message>
        <source>Ten minutes or less: one feeling, one need, one action for tomorrow.</source>
        <translation>Zehn Minuten oder weniger: ein Gefühl, ein Bedürfnis, ein Schritt für morgen.</translation>
    </message>
    <message>
        <source>One feeling from today, and when you noticed it</source>
        <translation>Ein Gefühl von heute, und wann du es bemerkt hast</translation>
    </message>
    <message>
        <source>One thing you need</source>
        <translation>Etwas, das du brauchst</translation>
    </message>
    <message>
        <source>One action you will take tomorrow</source>
        <translation>Ein Schritt, den du morgen gehst</translation>
    </message>
    <message>
        <source>Weekly review</source>
        <translation>Wochenrückblick</translation>
    </message>
    <message>
        <source>Once a week, each on your own, then read each other&apos;s together.</source>
        <translation>Einmal pro Woche, jede und jeder für sich, dann lest ihr eure Antworten gemeinsam.</translation>
    </message>
    <message>
        <source>What went well this week?</source>
        <translation>Was ist diese Woche gut gelaufen?</translation>
    </message>
    <message>
        <source>What was hard?</source>
        <translation>Was war schwer?</translation>
    </message>
    <message>
        <source>One thing you are grateful for</source>
        <translation>Etwas, wofür du dankbar bist</translation>
    </message>
    <message>
        <source>What would make trust easier next week?</source>
        <translation>Was würde Vertrauen nächste Woche leichter machen?</translation>
    </message>
    <message>
        <source>Monthly progress review</source>
        <translation>Monatlicher Rückblick</translation>
    </message>
    <message>
        <source>Once a month: the long view.</source>
        <translation>Einmal im Monat: der Blick aufs Ganze.</translation>
    </message>
    <message>
        <source>What has changed between us this month?</source>
        <translation>Was hat sich diesen Monat zwischen uns verändert?</translation>
    </message>
    <message>
        <source>What are you proud of?</source>
        <translation>Worauf bist du stolz?</translation>
    </message>
    <message>
        <source>What still hurts, or still worries you?</source>
        <translation>Was tut noch weh oder macht dir noch Sorgen?</translation>
    </message>
    <message>
        <source>What do you want to focus on next month?</source>
        <translation>Worauf möchtest du dich nächsten Monat konzentrieren?</translation>
    </message>
    <message>
        <source>First week of “{title}” kept every day</source>
        <translation>Erste Woche, in der „{title}“ jeden Tag gehalten wurde</translation>
    </message>
    <message>
        <source>A month of “{title}” at {percent} %</source>
        <translation>Ein Monat „{title}“ zu {percent} %</translation>
    </message>
    <message>
        <source>{n} daily check-ins in a row ({name})</source>
        <translation>{n} tägliche Check-ins am Stück ({name})</translation>
    </message>
    <message>
        <source>Fewer setbacks in {month} than in {before}</source>
        <translation>Weniger Rückschläge im {month} als im {before}</translation>
    </message>
    <message>
        <source>{n} days of every commitment kept</source>
        <translation>{n} Tage, an denen jede Zusage gehalten wurde</translation>
    </message>
    <message>
        <source>First month with a weekly review every week</source>
        <translation>Erster Monat mit einem Wochenrückblick in jeder Woche</translation>
    </message>
    <message>
        <source>Every day</source>
        <translation>Jeden Tag</translation>
    </message>
    <message>
        <source>Once a week</source>
        <translation>Einmal pro Woche</translation>
    </message>
    <message>
        <source>On certain days</source>
        <translation>An bestimmten Tagen</translation>
    </message>
    <message>
        <source>Once, by a date</source>
        <translation>Einmal, bis zu einem Datum</translation>
    </message>
</context>
<context>
    <name>LazyPage</name>
    <message>
        <source>This page could not be shown</source>
        <translation>Diese Seite konnte nicht angezeigt werden</translation>
    </message>
</context>
<context>
    <name>LeaveDialog</name>
    <message>
        <source>Leave or end</source>
        <translation>Verlassen oder beenden</translation>
    </message>
    <message>
        <source>What to end</source>
        <translation>Was beendet werden soll</translation>
    </message>
    <message>
        <source>Delete my journal</source>
        <translation>Mein Tagebuch löschen</translation>
    </message>
    <message>
        <source>Leave the vault</source>
        <translation>Den Tresor verlassen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Your passphrase</source>
        <translation>Deine Passphrase</translation>
    </message>
    <message>
        <source>Your passphrase, again</source>
        <translation>Deine Passphrase, noch einmal</translation>
    </message>
    <message>
        <source>Typed confirmation</source>
        <translation>Getippte Bestätigung</translation>
    </message>
    <message>
        <source>delete my journal</source>
        <translation>mein tagebuch löschen</translation>
    </message>
    <message>
        <source>Delete my journal for good</source>
        <translation>Mein Tagebuch endgültig löschen</translation>
    </message>
    <message>
        <source>Export my journal first…</source>
        <translation>Zuerst mein Tagebuch exportieren…</translation>
    </message>
    <message>
        <source>Export my journal first</source>
        <translation>Zuerst mein Tagebuch exportieren</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <source>Type &quot;%s&quot;</source>
        <translation>Tippe „%s“</translation>
    </message>
    <message>
        <source>Every entry, its history, drafts and outbox are destroyed: your journal gets a new key, the old file is overwritten, and your passphrase and recovery code are set up anew, so no passphrase, code or leftover file in this folder opens the old journal. You stay in the vault with an empty journal and get a new recovery code. What you already shared stays in the shared ledger.</source>
        <translation>Jeder Eintrag, sein Verlauf, Entwürfe und alles zum Teilen Vorgemerkte werden vernichtet: Dein Tagebuch bekommt einen neuen Schlüssel, die alte Datei wird überschrieben, und deine Passphrase und dein Wiederherstellungscode werden neu eingerichtet – keine Passphrase, kein Code und keine übrig gebliebene Datei in diesem Ordner öffnet das alte Tagebuch. Du bleibst mit einem leeren Tagebuch im Tresor und bekommst einen neuen Wiederherstellungscode. Was du schon geteilt hast, bleibt in der gemeinsamen Chronik.</translation>
    </message>
    <message>
        <source>%(me)s signs a “left” event that %(other)s will see. Then the shared ledger gets a new key that only %(other)s holds: nothing written after today opens with %(me)s&apos;s key. %(me)s&apos;s keys and private journal are removed from this folder (export your journal first if you want to keep it). %(other)s is here and types their passphrase, and gets a new recovery code, shown once, to them only.</source>
        <translation>%(me)s unterschreibt einen Vermerk „hat verlassen“, den %(other)s sehen wird. Dann bekommt die gemeinsame Chronik einen neuen Schlüssel, den nur %(other)s hat: Nichts, was nach heute geschrieben wird, lässt sich mit dem Schlüssel von %(me)s öffnen. Die Schlüssel und das private Tagebuch von %(me)s werden aus diesem Ordner entfernt (exportiere dein Tagebuch vorher, wenn du es behalten möchtest). %(other)s ist dabei, gibt die eigene Passphrase ein und bekommt einen neuen Wiederherstellungscode, der nur ihr oder ihm einmal gezeigt wird.</translation>
    </message>
    <message>
        <source>Backups made before today (the automatic ones and any copy you made) still hold the old journal, readable with your old passphrase: delete them too if it must be gone from them.</source>
        <translation>Sicherungen von vor heute (die automatischen und jede Kopie, die du gemacht hast) enthalten noch das alte Tagebuch, lesbar mit deiner alten Passphrase: Lösch sie auch, wenn es auch dort verschwinden soll.</translation>
    </message>
    <message>
        <source>Take a read-only copy of our shared history up to today</source>
        <translation>Eine schreibgeschützte Kopie unserer gemeinsamen Geschichte bis heute mitnehmen</translation>
    </message>
    <message>
        <source>Take a copy of the shared history</source>
        <translation>Eine Kopie der gemeinsamen Geschichte mitnehmen</translation>
    </message>
    <message>
        <source>Format of the copy</source>
        <translation>Format der Kopie</translation>
    </message>
    <message>
        <source>Where to save the copy</source>
        <translation>Wo die Kopie gespeichert werden soll</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Auswählen…</translation>
    </message>
    <message>
        <source>Choose</source>
        <translation>Auswählen</translation>
    </message>
    <message>
        <source>%s&apos;s passphrase</source>
        <translation>Passphrase von %s</translation>
    </message>
    <message>
        <source>%s types their own passphrase</source>
        <translation>%s gibt die eigene Passphrase ein</translation>
    </message>
    <message>
        <source>leave</source>
        <translation>verlassen</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Save to</source>
        <translation>Speichern unter</translation>
    </message>
    <message>
        <source>%s agrees</source>
        <translation>%s ist einverstanden</translation>
    </message>
    <message>
        <source>What each copy still holds: the read-only copy, if taken, holds the whole shared history up to today, unencrypted. Backups made before today still open with %(me)s&apos;s old passphrase and hold the shared history up to the day they were made and %(me)s&apos;s old journal.</source>
        <translation>Was jede Kopie noch enthält: Die schreibgeschützte Kopie, falls mitgenommen, enthält die ganze gemeinsame Geschichte bis heute, unverschlüsselt. Sicherungen von vor heute lassen sich weiter mit der alten Passphrase von %(me)s öffnen und enthalten die gemeinsame Geschichte bis zu ihrem Datum sowie das alte Tagebuch von %(me)s.</translation>
    </message>
    <message>
        <source>Save the copy (not encrypted)</source>
        <translation>Die Kopie speichern (nicht verschlüsselt)</translation>
    </message>
    <message>
        <source>Your private journal was deleted for good. A new, empty one is ready.

Your new recovery code (write it down now; the old one no longer works):

%s</source>
        <translation>Dein privates Tagebuch wurde endgültig gelöscht. Ein neues, leeres ist bereit.

Dein neuer Wiederherstellungscode (schreib ihn jetzt auf; der alte funktioniert nicht mehr):

%s</translation>
    </message>
    <message>
        <source>%(me)s has left the vault. The shared ledger has a new key that only %(other)s holds.%(copy)s

%(other)s, only you should read on: your new recovery code (the old one no longer works):

%(code)s</source>
        <translation>%(me)s hat den Tresor verlassen. Die gemeinsame Chronik hat einen neuen Schlüssel, den nur %(other)s hat.%(copy)s

%(other)s, nur du solltest weiterlesen: dein neuer Wiederherstellungscode (der alte funktioniert nicht mehr):

%(code)s</translation>
    </message>
    <message>
        <source> The read-only copy (not encrypted) is at {path}.</source>
        <translation> Die schreibgeschützte Kopie (nicht verschlüsselt) liegt unter {path}.</translation>
    </message>
</context>
<context>
    <name>LockedSafetyPlanDialog</name>
    <message>
        <source>If you or someone else is in danger, call your local emergency number now.

If a conversation has become too much: say “pause”, stop without a last word, and step away. Come back to it within a day, when you are both calm.</source>
        <translation>Wenn du oder jemand anderes in Gefahr ist, ruf jetzt den Notruf an (in Deutschland 112).

Wenn ein Gespräch zu viel geworden ist: Sag „Pause“, hör auf, ohne das letzte Wort zu haben, und geh ein Stück weg. Kommt innerhalb eines Tages darauf zurück, wenn ihr beide ruhig seid.</translation>
    </message>
    <message>
        <source>Safety plan</source>
        <translation>Sicherheitsplan</translation>
    </message>
    <message>
        <source>Your safety plan</source>
        <translation>Euer Sicherheitsplan</translation>
    </message>
    <message>
        <source>The copy of your plan kept readable without unlocking:</source>
        <translation>Die Kopie eures Plans, die ohne Entsperren lesbar bleibt:</translation>
    </message>
    <message>
        <source>Your safety plan is inside the encrypted vault. To read it here without unlocking next time, open it after unlocking and tick “Keep a copy readable without unlocking”.</source>
        <translation>Euer Sicherheitsplan liegt im verschlüsselten Tresor. Um ihn beim nächsten Mal hier ohne Entsperren zu lesen, öffne ihn nach dem Entsperren und hake „Eine Kopie ohne Entsperren lesbar halten“ an.</translation>
    </message>
    <message>
        <source>Once you have set up Twofold you can write your safety plan together (F1 from any screen).</source>
        <translation>Sobald ihr Twofold eingerichtet habt, könnt ihr euren Sicherheitsplan gemeinsam schreiben (F1 auf jedem Bildschirm).</translation>
    </message>
</context>
<context>
    <name>LogSetbackDialog</name>
    <message>
        <source>Log a setback</source>
        <translation>Einen Rückschlag festhalten</translation>
    </message>
    <message>
        <source>Review…</source>
        <translation>Prüfen…</translation>
    </message>
    <message>
        <source>Not logged</source>
        <translation>Nicht festgehalten</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Was passiert ist</translation>
    </message>
    <message>
        <source>What happened, plainly, as a fact</source>
        <translation>Was passiert ist, schlicht, als Tatsache</translation>
    </message>
    <message>
        <source>The trigger</source>
        <translation>Der Auslöser</translation>
    </message>
    <message>
        <source>The impact</source>
        <translation>Die Wirkung</translation>
    </message>
    <message>
        <source>Trigger</source>
        <translation>Auslöser</translation>
    </message>
    <message>
        <source>Impact</source>
        <translation>Wirkung</translation>
    </message>
    <message>
        <source>A setback is data, not a verdict. Logging it starts the repair: acknowledge, repair, restore.</source>
        <translation>Ein Rückschlag ist eine Information, kein Urteil. Ihn festzuhalten ist der Anfang der Wiedergutmachung: anerkennen, wiedergutmachen, wiederherstellen.</translation>
    </message>
</context>
<context>
    <name>LookBackBanner</name>
    <message>
        <source>On this day</source>
        <translation>An diesem Tag</translation>
    </message>
    <message>
        <source>Show what you wrote {when}</source>
        <translation>Zeigen, was du {when} geschrieben hast</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>The entry was deleted for good.</source>
        <translation>Der Eintrag wurde endgültig gelöscht.</translation>
    </message>
    <message>
        <source>Sections</source>
        <translation>Bereiche</translation>
    </message>
    <message>
        <source>Who is unlocked</source>
        <translation>Wer entsperrt ist</translation>
    </message>
    <message>
        <source>We need to talk…</source>
        <translation>Wir müssen reden…</translation>
    </message>
    <message>
        <source>We need to talk (Ctrl+T)</source>
        <translation>Wir müssen reden (Strg+T)</translation>
    </message>
    <message>
        <source>A boundary feels strained, or you&apos;d like to talk about something (Ctrl+T)</source>
        <translation>Eine Grenze fühlt sich angespannt an, oder du möchtest über etwas reden (Strg+T)</translation>
    </message>
    <message>
        <source>Safety plan</source>
        <translation>Sicherheitsplan</translation>
    </message>
    <message>
        <source>Safety plan (F1)</source>
        <translation>Sicherheitsplan (F1)</translation>
    </message>
    <message>
        <source>The pause rule and what to do when it is too much (F1)</source>
        <translation>Die Pausenregel und was zu tun ist, wenn es zu viel wird (F1)</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Settings (Ctrl+,)</source>
        <translation>Einstellungen (Strg+,)</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>Sperren</translation>
    </message>
    <message>
        <source>Lock now (Ctrl+L)</source>
        <translation>Jetzt sperren (Strg+L)</translation>
    </message>
    <message>
        <source>Lock now: nothing is shown until a passphrase is typed again (Ctrl+L)</source>
        <translation>Jetzt sperren: nichts ist zu sehen, bis wieder eine Passphrase eingegeben wird (Strg+L)</translation>
    </message>
    <message>
        <source>Missed check-in</source>
        <translation>Verpasster Check-in</translation>
    </message>
    <message>
        <source>Check in now</source>
        <translation>Jetzt einchecken</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>Nicht jetzt</translation>
    </message>
    <message>
        <source>Hide this reminder</source>
        <translation>Diese Erinnerung ausblenden</translation>
    </message>
    <message>
        <source>Change to your keys</source>
        <translation>Änderung an deinen Schlüsseln</translation>
    </message>
    <message>
        <source>Change passphrase…</source>
        <translation>Passphrase ändern…</translation>
    </message>
    <message>
        <source>Change your passphrase now</source>
        <translation>Deine Passphrase jetzt ändern</translation>
    </message>
    <message>
        <source>It was me</source>
        <translation>Das war ich</translation>
    </message>
    <message>
        <source>Dismiss: this change was mine</source>
        <translation>Ausblenden: Diese Änderung war von mir</translation>
    </message>
    <message>
        <source>Show on the timeline</source>
        <translation>In der Zeitleiste zeigen</translation>
    </message>
    <message>
        <source>Show what does not verify on the shared timeline</source>
        <translation>In der gemeinsamen Zeitleiste zeigen, was sich nicht bestätigen lässt</translation>
    </message>
    <message>
        <source>Found at unlock</source>
        <translation>Beim Entsperren gefunden</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Ausblenden</translation>
    </message>
    <message>
        <source>Dismiss what was found at unlock</source>
        <translation>Ausblenden, was beim Entsperren gefunden wurde</translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation>&amp;Sperren</translation>
    </message>
    <message>
        <source>&amp;New entry</source>
        <translation>&amp;Neuer Eintrag</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>S&amp;uchen</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>Spei&amp;chern</translation>
    </message>
    <message>
        <source>Se&amp;ttings…</source>
        <translation>Einste&amp;llungen…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Reminders…</source>
        <translation>E&amp;rinnerungen…</translation>
    </message>
    <message>
        <source>Report for a &amp;therapist…</source>
        <translation>Bericht für die &amp;Therapie…</translation>
    </message>
    <message>
        <source>&amp;Export my journal…</source>
        <translation>Tagebuch &amp;exportieren…</translation>
    </message>
    <message>
        <source>Leave or &amp;end…</source>
        <translation>&amp;Verlassen oder beenden…</translation>
    </message>
    <message>
        <source>&amp;Import into my journal…</source>
        <translation>In mein Tagebuch &amp;importieren…</translation>
    </message>
    <message>
        <source>Safety &amp;plan</source>
        <translation>Sicherheits&amp;plan</translation>
    </message>
    <message>
        <source>We need to &amp;talk…</source>
        <translation>Wir müssen &amp;reden…</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>&amp;Gehe zu</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About Twofold</source>
        <translation>Ü&amp;ber Twofold</translation>
    </message>
    <message>
        <source>Start at login could not be set up: {exc}</source>
        <translation>Der Start bei der Anmeldung konnte nicht eingerichtet werden: {exc}</translation>
    </message>
    <message>
        <source>Shared session · journals locked
Signed as {name}</source>
        <translation>Gemeinsame Sitzung · Tagebücher gesperrt
Unterschrieben als {name}</translation>
    </message>
    <message>
        <source>{partner_label} · private journal open</source>
        <translation>{partner_label} · privates Tagebuch offen</translation>
    </message>
    <message>
        <source>Everything added in this session is signed as {name}.</source>
        <translation>Alles, was in dieser Sitzung hinzukommt, wird als {name} unterschrieben.</translation>
    </message>
    <message>
        <source>{what} The automatic backups were replaced too; copies you keep elsewhere still hold the old text.</source>
        <translation>{what} Die automatischen Sicherungen wurden auch ersetzt; Kopien, die du woanders aufbewahrst, enthalten noch den alten Text.</translation>
    </message>
    <message>
        <source>{what} Replacing the automatic backups failed: {error}</source>
        <translation>{what} Die automatischen Sicherungen konnten nicht ersetzt werden: {error}</translation>
    </message>
    <message>
        <source>Milestones could not be checked: {error_text}</source>
        <translation>Meilensteine konnten nicht geprüft werden: {error_text}</translation>
    </message>
    <message>
        <source>Your daily check-in is waiting: one feeling, one need, one action for tomorrow.</source>
        <translation>Dein täglicher Check-in wartet: ein Gefühl, ein Bedürfnis, ein Schritt für morgen.</translation>
    </message>
    <message>
        <source>A hard day. Twofold will remind you to touch base in a few hours.</source>
        <translation>Ein schwerer Tag. Twofold erinnert euch in ein paar Stunden daran, euch kurz auszutauschen.</translation>
    </message>
    <message>
        <source>Today&apos;s automatic backup failed: {exc}</source>
        <translation>Die heutige automatische Sicherung ist fehlgeschlagen: {exc}</translation>
    </message>
    <message>
        <source>Today&apos;s backup is in {parent}</source>
        <translation>Die heutige Sicherung liegt in {parent}</translation>
    </message>
    <message>
        <source>Tidying the search index failed: {exc}</source>
        <translation>Das Aufräumen des Suchindex ist fehlgeschlagen: {exc}</translation>
    </message>
    <message>
        <source>Lock without saving?</source>
        <translation>Ohne Speichern sperren?</translation>
    </message>
    <message>
        <source>Your latest words could not be saved ({reason}). If you lock now, they are lost. Lock anyway?</source>
        <translation>Deine letzten Worte konnten nicht gespeichert werden ({reason}). Wenn du jetzt sperrst, gehen sie verloren. Trotzdem sperren?</translation>
    </message>
    <message>
        <source>Finishing… this takes a few seconds.</source>
        <translation>Wird abgeschlossen… das dauert ein paar Sekunden.</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>Not done</source>
        <translation>Nicht erledigt</translation>
    </message>
    <message>
        <source>Some of what the shared ledger holds was changed outside Twofold and cannot be read, so it is left out of this page. The full check is running and will name it.</source>
        <translation>Ein Teil dessen, was die gemeinsame Chronik enthält, wurde außerhalb von Twofold verändert und kann nicht gelesen werden; es fehlt deshalb auf dieser Seite. Die vollständige Prüfung läuft und wird es benennen.</translation>
    </message>
    <message>
        <source>Outbox ({waiting})</source>
        <translation>Zum Teilen ({waiting})</translation>
    </message>
    <message>
        <source>Outbox</source>
        <translation>Zum Teilen</translation>
    </message>
    <message numerus="yes">
        <source>Shared %n with {partner}. It is on your shared timeline now.</source>
        <translation>
            <numerusform>%Ln Eintrag mit {partner} geteilt. Er steht jetzt auf eurer gemeinsamen Zeitleiste.</numerusform>
            <numerusform>%Ln Einträge mit {partner} geteilt. Sie stehen jetzt auf eurer gemeinsamen Zeitleiste.</numerusform>
        </translation>
    </message>
    <message>
        <source>Retracted. The words are gone; a signed note remains.</source>
        <translation>Zurückgezogen. Die Worte sind weg; ein unterschriebener Vermerk bleibt.</translation>
    </message>
    <message>
        <source>The safety plan was saved to the shared ledger.</source>
        <translation>Der Sicherheitsplan wurde in der gemeinsamen Chronik gespeichert.</translation>
    </message>
    <message>
        <source>Your journal is locked</source>
        <translation>Dein Tagebuch ist gesperrt</translation>
    </message>
    <message>
        <source>This is a shared session: your private journal stays locked. Unlock with your own passphrase to export or import your journal.</source>
        <translation>Das ist eine gemeinsame Sitzung: Dein privates Tagebuch bleibt gesperrt. Entsperre mit deiner eigenen Passphrase, um dein Tagebuch zu exportieren oder zu importieren.</translation>
    </message>
    <message>
        <source>Signed and added to the shared ledger.</source>
        <translation>Unterschrieben und in die gemeinsame Chronik aufgenommen.</translation>
    </message>
    <message>
        <source>About Twofold</source>
        <translation>Über Twofold</translation>
    </message>
    <message>
        <source>&lt;b&gt;Twofold {version}&lt;/b&gt;&lt;p&gt;A private journal for each of you and a shared ledger you build together. Everything stays on this computer, encrypted.&lt;/p&gt;</source>
        <translation>&lt;b&gt;Twofold {version}&lt;/b&gt;&lt;p&gt;Ein privates Tagebuch für jede und jeden von euch und eine gemeinsame Chronik, die ihr zusammen aufbaut. Alles bleibt verschlüsselt auf diesem Computer.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>That recovery code does not open this partner&apos;s slot. Check that it is the code printed for this partner (a new code was issued on {when}).</source>
        <translation>Dieser Wiederherstellungscode öffnet das Fach dieser Person nicht. Prüf, ob es der Code ist, der für diese Person gedruckt wurde (am {when} wurde ein neuer Code ausgestellt).</translation>
    </message>
    <message>
        <source>That recovery code does not open this partner&apos;s slot. Check that it is the code printed for this partner.</source>
        <translation>Dieser Wiederherstellungscode öffnet das Fach dieser Person nicht. Prüf, ob es der Code ist, der für diese Person gedruckt wurde.</translation>
    </message>
    <message>
        <source>Wrong passphrase for {label}. Check Caps Lock and the keyboard layout, then try again. Note: {label2}&apos;s passphrase was changed on {when}.</source>
        <translation>Falsche Passphrase für {label}. Prüf die Feststelltaste und die Tastaturbelegung und versuch es dann noch einmal. Hinweis: Die Passphrase von {label2} wurde am {when} geändert.</translation>
    </message>
    <message>
        <source>Wrong passphrase for {label}. Check Caps Lock and the keyboard layout, then try again. Note: {label2}&apos;s passphrase was reset with the recovery code on {when}. If this was not you, someone used your recovery code: see &apos;If your passphrase was changed without you&apos; in the README.</source>
        <translation>Falsche Passphrase für {label}. Prüf die Feststelltaste und die Tastaturbelegung und versuch es dann noch einmal. Hinweis: Die Passphrase von {label2} wurde am {when} mit dem Wiederherstellungscode zurückgesetzt. Wenn du das nicht warst, hat jemand deinen Wiederherstellungscode benutzt: Sieh im README unter &apos;If your passphrase was changed without you&apos; nach.</translation>
    </message>
    <message>
        <source>keyslots.json listed a signing key for you that is not yours: someone edited it. Your slots were signed again with your own key.</source>
        <translation>keyslots.json führte für dich einen Signaturschlüssel, der nicht deiner ist: Jemand hat die Datei bearbeitet. Deine Fächer wurden wieder mit deinem eigenen Schlüssel signiert.</translation>
    </message>
    <message>
        <source>A Twofold vault is made for exactly two partners.</source>
        <translation>Ein Twofold-Tresor ist für genau zwei Personen gemacht.</translation>
    </message>
    <message>
        <source>A key slot holds keys of the wrong size; keyslots.json is damaged.</source>
        <translation>Ein Schlüsselfach enthält Schlüssel der falschen Größe; keyslots.json ist beschädigt.</translation>
    </message>
    <message>
        <source>A key slot in keyslots.json was altered: the passphrase is right but the slot no longer opens. Restore keyslots.json from a backup. Nothing was changed.</source>
        <translation>Ein Schlüsselfach in keyslots.json wurde verändert: Die Passphrase stimmt, aber das Fach öffnet sich nicht mehr. Stell keyslots.json aus einer Sicherung wieder her. Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>A {kind} event cannot hold that content ({exc}).</source>
        <translation>Ein Ereignis vom Typ {kind} kann diesen Inhalt nicht aufnehmen ({exc}).</translation>
    </message>
    <message>
        <source>Each partner needs a name, and the two names must differ.</source>
        <translation>Jede Person braucht einen Namen, und die beiden Namen müssen sich unterscheiden.</translation>
    </message>
    <message>
        <source>No partner called {who} in this vault (partners: {names}).</source>
        <translation>In diesem Tresor gibt es niemanden namens {who} (vorhanden: {names}).</translation>
    </message>
    <message>
        <source>Both partners are called “{label}” in keyslots.json, which was edited outside Twofold. Name yourself by your partner id ({ids}); once unlocked, Twofold shows the name the ledger signed.</source>
        <translation>Beide Personen heißen in keyslots.json „{label}“; die Datei wurde außerhalb von Twofold verändert. Gib dich mit deiner Partner-ID an ({ids}); nach dem Entsperren zeigt Twofold den Namen, den die Chronik unterschrieben enthält.</translation>
    </message>
    <message>
        <source>No private folder could be made to stage a backup of {folder}.</source>
        <translation>Für die Sicherung von {folder} konnte kein privater Zwischenordner angelegt werden.</translation>
    </message>
    <message>
        <source>Only the partner who shared a reflection can retract it.</source>
        <translation>Nur wer einen Gedanken geteilt hat, kann ihn zurückziehen.</translation>
    </message>
    <message>
        <source>Restoring needs {needed} bytes and the disk has less free space. Nothing was written; free some space and try again.</source>
        <translation>Die Wiederherstellung braucht {needed} Bytes, und auf dem Datenträger ist weniger frei. Es wurde nichts geschrieben; mach etwas Platz frei und versuch es noch einmal.</translation>
    </message>
    <message>
        <source>Search for whole words of letters and digits; this one cannot be searched.</source>
        <translation>Such nach ganzen Wörtern aus Buchstaben und Ziffern; nach diesem kann nicht gesucht werden.</translation>
    </message>
    <message>
        <source>That is neither partner&apos;s passphrase. Check Caps Lock and the keyboard layout, then try again.</source>
        <translation>Das ist die Passphrase von keinem von euch beiden. Prüf die Feststelltaste und die Tastaturbelegung und versuch es dann noch einmal.</translation>
    </message>
    <message>
        <source>That is not a recovery code: it should be {len} letters and digits in groups of four, as printed on the recovery sheet.</source>
        <translation>Das ist kein Wiederherstellungscode: Er besteht aus {len} Buchstaben und Ziffern in Vierergruppen, wie auf dem Wiederherstellungsblatt gedruckt.</translation>
    </message>
    <message>
        <source>That item is no longer in your outbox.</source>
        <translation>Dieser Eintrag ist nicht mehr in deinem Postausgang.</translation>
    </message>
    <message>
        <source>That passphrase (or code) was replaced: a change of passphrase was finished just before Twofold stopped. Use the new passphrase. Nothing was changed.</source>
        <translation>Diese Passphrase (oder dieser Code) wurde ersetzt: Kurz bevor Twofold beendet wurde, wurde eine Änderung der Passphrase abgeschlossen. Nimm die neue Passphrase. Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>That passphrase belongs to a change that did not complete, so it was dropped; the previous passphrase still works. Nothing else was changed.</source>
        <translation>Diese Passphrase gehört zu einer Änderung, die nicht abgeschlossen wurde, und wurde deshalb verworfen; die bisherige Passphrase funktioniert weiter. Sonst wurde nichts geändert.</translation>
    </message>
    <message>
        <source>That recovery code has a typo: its check digits don&apos;t match. Compare it group by group with the recovery sheet.</source>
        <translation>In diesem Wiederherstellungscode steckt ein Tippfehler: Die Prüfziffern passen nicht. Vergleich ihn Gruppe für Gruppe mit dem Wiederherstellungsblatt.</translation>
    </message>
    <message>
        <source>That reflection was already retracted.</source>
        <translation>Dieser Gedanke wurde schon zurückgezogen.</translation>
    </message>
    <message>
        <source>The co-signature was already used.</source>
        <translation>Die Mitunterschrift wurde schon verwendet.</translation>
    </message>
    <message>
        <source>The disk is full: the backup could not be restored. Nothing was kept; free some space and try again.</source>
        <translation>Der Datenträger ist voll: Die Sicherung konnte nicht wiederhergestellt werden. Es wurde nichts behalten; mach etwas Platz frei und versuch es noch einmal.</translation>
    </message>
    <message>
        <source>The disk is full: the vault could not be copied for its backup. Nothing was changed; free some space and try again.</source>
        <translation>Der Datenträger ist voll: Der Tresor konnte für die Sicherung nicht kopiert werden. Es wurde nichts geändert; mach etwas Platz frei und versuch es noch einmal.</translation>
    </message>
    <message>
        <source>The disk is full: {name} could not be written. Nothing was changed; free some space and try again.</source>
        <translation>Der Datenträger ist voll: {name} konnte nicht geschrieben werden. Es wurde nichts geändert; mach etwas Platz frei und versuch es noch einmal.</translation>
    </message>
    <message>
        <source>The disk is full: {what} could not be saved. Nothing was changed; free some space and try again.</source>
        <translation>Der Datenträger ist voll: {what} konnte nicht gespeichert werden. Es wurde nichts geändert; mach etwas Platz frei und versuch es noch einmal.</translation>
    </message>
    <message>
        <source>The vault is busy (a backup or another process is writing). Try again in a moment.</source>
        <translation>Der Tresor ist beschäftigt (eine Sicherung oder ein anderer Prozess schreibt gerade). Versuch es gleich noch einmal.</translation>
    </message>
    <message>
        <source>The vault is locked; unlock it again to go on.</source>
        <translation>Der Tresor ist gesperrt; entsperr ihn wieder, um weiterzumachen.</translation>
    </message>
    <message>
        <source>There is no Twofold vault at {folder}.</source>
        <translation>Unter {folder} gibt es keinen Twofold-Tresor.</translation>
    </message>
    <message>
        <source>There is no backup file at {source}.</source>
        <translation>Unter {source} gibt es keine Sicherungsdatei.</translation>
    </message>
    <message>
        <source>There is no ledger event with that id.</source>
        <translation>Es gibt kein Ereignis in der Chronik mit dieser Kennung.</translation>
    </message>
    <message>
        <source>There is no other partner to co-sign.</source>
        <translation>Es gibt niemanden sonst, der mitunterschreiben könnte.</translation>
    </message>
    <message>
        <source>There is no record #{id} in your journal.</source>
        <translation>In deinem Tagebuch gibt es keinen Eintrag Nr. {id}.</translation>
    </message>
    <message>
        <source>There is no shared reflection with that id.</source>
        <translation>Es gibt keinen geteilten Gedanken mit dieser Kennung.</translation>
    </message>
    <message>
        <source>There is no such item.</source>
        <translation>Diesen Eintrag gibt es nicht.</translation>
    </message>
    <message>
        <source>There is no vault at {folder}.</source>
        <translation>Unter {folder} gibt es keinen Tresor.</translation>
    </message>
    <message>
        <source>This session cannot sign ledger events.</source>
        <translation>In dieser Sitzung können keine Ereignisse in der Chronik unterschrieben werden.</translation>
    </message>
    <message>
        <source>This vault is already open in another Twofold window or process ({folder}). Close it there first; only one may write at a time.</source>
        <translation>Dieser Tresor ist schon in einem anderen Twofold-Fenster oder Prozess geöffnet ({folder}). Schließ ihn dort zuerst; es darf immer nur einer schreiben.</translation>
    </message>
    <message>
        <source>This vault&apos;s key slots were written by a newer version of Twofold. Update Twofold to open it; nothing was changed.</source>
        <translation>Die Schlüsselfächer dieses Tresors wurden von einer neueren Version von Twofold geschrieben. Aktualisiere Twofold, um ihn zu öffnen; es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>Unlock with your own passphrase first (not a shared session).</source>
        <translation>Entsperr zuerst mit deiner eigenen Passphrase (nicht als gemeinsame Sitzung).</translation>
    </message>
    <message>
        <source>Unlock with your own passphrase to change your key slots.</source>
        <translation>Entsperr mit deiner eigenen Passphrase, um deine Schlüsselfächer zu ändern.</translation>
    </message>
    <message>
        <source>Wrong passphrase for {label}. Check Caps Lock and the keyboard layout, then try again.</source>
        <translation>Falsche Passphrase für {label}. Prüf die Feststelltaste und die Tastaturbelegung und versuch es dann noch einmal.</translation>
    </message>
    <message>
        <source>Wrong passphrase: that is not your current one, so nothing was changed.</source>
        <translation>Falsche Passphrase: Das ist nicht deine aktuelle, deshalb wurde nichts geändert.</translation>
    </message>
    <message>
        <source>You are the only partner left in this vault.</source>
        <translation>Du bist als Einzige oder Einziger in diesem Tresor geblieben.</translation>
    </message>
    <message>
        <source>Your journal&apos;s index is damaged, so its records cannot be listed ({exc}). Nothing was changed; restore from a backup.</source>
        <translation>Der Index deines Tagebuchs ist beschädigt, deshalb können die Einträge nicht aufgelistet werden ({exc}). Es wurde nichts geändert; stell es aus einer Sicherung wieder her.</translation>
    </message>
    <message>
        <source>Your private journal&apos;s search index is damaged.</source>
        <translation>Der Suchindex deines privaten Tagebuchs ist beschädigt.</translation>
    </message>
    <message>
        <source>keyslots.json and its previous generation are both damaged ({damaged}). Restore them from a backup; nothing was changed.</source>
        <translation>keyslots.json und die vorige Fassung davon sind beide beschädigt ({damaged}). Stell sie aus einer Sicherung wieder her; es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>keyslots.json asks for key-derivation settings below the strong minimum (m={kib} KiB, t={iterations}, p={lanes}); the file was edited or damaged, so the slot is refused. Nothing was changed; restore keyslots.json from a backup.</source>
        <translation>keyslots.json verlangt Einstellungen zur Schlüsselableitung unter dem starken Minimum (m={kib} KiB, t={iterations}, p={lanes}); die Datei wurde bearbeitet oder beschädigt, deshalb wird das Fach abgelehnt. Es wurde nichts geändert; stell keyslots.json aus einer Sicherung wieder her.</translation>
    </message>
    <message>
        <source>keyslots.json asks for key-derivation settings outside the safe range; the file was edited or damaged. Nothing was changed.</source>
        <translation>keyslots.json verlangt Einstellungen zur Schlüsselableitung außerhalb des sicheren Bereichs; die Datei wurde bearbeitet oder beschädigt. Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>keyslots.json belongs to another vault: none of its partners&apos; journals is in {folder}. Put back this vault&apos;s own keyslots.json (from a backup); nothing was changed.</source>
        <translation>keyslots.json gehört zu einem anderen Tresor: Keines der dazugehörigen Tagebücher liegt in {folder}. Leg die eigene keyslots.json dieses Tresors zurück (aus einer Sicherung); es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>keyslots.json has no {kind} slot for this partner; it was edited or damaged.</source>
        <translation>keyslots.json hat kein Fach vom Typ {kind} für diese Person; die Datei wurde bearbeitet oder beschädigt.</translation>
    </message>
    <message>
        <source>keyslots.json is damaged ({damaged}) and has no previous generation. Restore it from a backup; nothing was changed.</source>
        <translation>keyslots.json ist beschädigt ({damaged}) und hat keine vorige Fassung. Stell die Datei aus einer Sicherung wieder her; es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>keyslots.json is missing from {folder}, so no one can unlock this vault. Restore it from a backup; the encrypted journals are untouched.</source>
        <translation>keyslots.json fehlt in {folder}, deshalb kann niemand diesen Tresor entsperren. Stell die Datei aus einer Sicherung wieder her; die verschlüsselten Tagebücher sind unberührt.</translation>
    </message>
    <message>
        <source>shared.db belongs to a different vault than keyslots.json. Nothing was changed; restore the folder from one backup.</source>
        <translation>shared.db gehört zu einem anderen Tresor als keyslots.json. Es wurde nichts geändert; stell den Ordner aus ein und derselben Sicherung wieder her.</translation>
    </message>
    <message>
        <source>shared.db was changed outside Twofold ({what}). Nothing was changed; restore the folder from one backup.</source>
        <translation>shared.db wurde außerhalb von Twofold verändert ({what}). Es wurde nichts geändert; stell den Ordner aus ein und derselben Sicherung wieder her.</translation>
    </message>
    <message>
        <source>{damage} Your own journal opened for reading and export only; the shared ledger is unavailable until shared.db is restored.</source>
        <translation>{damage} Dein eigenes Tagebuch ist nur zum Lesen und Exportieren geöffnet; die gemeinsame Chronik ist nicht verfügbar, bis shared.db wiederhergestellt ist.</translation>
    </message>
    <message>
        <source>keyslots.json names {name} “{label}” on the unlock screen; the signed first event of the ledger names them “{name2}”. Someone edited keyslots.json.</source>
        <translation>keyslots.json nennt {name} auf dem Entsperrbildschirm „{label}“; das signierte erste Ereignis der Chronik nennt diese Person „{name2}“. Jemand hat keyslots.json bearbeitet.</translation>
    </message>
    <message>
        <source>“{name}” is missing</source>
        <translation>„{name}“ fehlt</translation>
    </message>
    <message>
        <source>“{name}” was added</source>
        <translation>„{name}“ wurde hinzugefügt</translation>
    </message>
    <message>
        <source>“{name}” was changed</source>
        <translation>„{name}“ wurde verändert</translation>
    </message>
    <message>
        <source>{folder} already exists and is not empty. Restore into a new folder; Twofold never overwrites a vault.</source>
        <translation>{folder} gibt es schon, und der Ordner ist nicht leer. Stell in einen neuen Ordner wieder her; Twofold überschreibt nie einen Tresor.</translation>
    </message>
    <message>
        <source>{label} has an unfinished passphrase change; {label2} should unlock once on their own first.</source>
        <translation>Bei {label} ist eine Änderung der Passphrase nicht abgeschlossen; {label2} sollte zuerst einmal allein entsperren.</translation>
    </message>
    <message>
        <source>{label}&apos;s {kind} slot in keyslots.json was altered (its signature does not match), so it is not used and no passphrase was tried. Restore keyslots.json from a backup; nothing was changed.</source>
        <translation>Das Fach vom Typ {kind} von {label} in keyslots.json wurde verändert (seine Signatur passt nicht), deshalb wird es nicht benutzt und keine Passphrase wurde versucht. Stell keyslots.json aus einer Sicherung wieder her; es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>{name} could not be read ({name2}: {exc}).</source>
        <translation>{name} konnte nicht gelesen werden ({name2}: {exc}).</translation>
    </message>
    <message>
        <source>{name} does not open with its key: it was damaged, truncated, swapped or replaced. Nothing was changed; restore it from a backup.</source>
        <translation>{name} lässt sich mit seinem Schlüssel nicht öffnen: Die Datei wurde beschädigt, gekürzt, vertauscht oder ersetzt. Es wurde nichts geändert; stell sie aus einer Sicherung wieder her.</translation>
    </message>
    <message>
        <source>{name} has an unfinished write; unlock again and retry.</source>
        <translation>{name} hat einen nicht abgeschlossenen Schreibvorgang; entsperr noch einmal und versuch es erneut.</translation>
    </message>
    <message>
        <source>{name} holds an unexpected path: {path}.</source>
        <translation>{name} enthält einen unerwarteten Pfad: {path}.</translation>
    </message>
    <message>
        <source>{name} is damaged or not a Twofold backup ({name2}).</source>
        <translation>{name} ist beschädigt oder keine Twofold-Sicherung ({name2}).</translation>
    </message>
    <message>
        <source>{name} is damaged: {filename} does not match its checksum.</source>
        <translation>{name} ist beschädigt: {filename} passt nicht zu seiner Prüfsumme.</translation>
    </message>
    <message>
        <source>{name} is damaged: {filename} is too long.</source>
        <translation>{name} ist beschädigt: {filename} ist zu lang.</translation>
    </message>
    <message>
        <source>{name} is damaged: {name2} is not the size its manifest gives.</source>
        <translation>{name} ist beschädigt: {name2} hat nicht die Größe, die sein Verzeichnis angibt.</translation>
    </message>
    <message>
        <source>{name} is incomplete: it lacks the vault&apos;s main files.</source>
        <translation>{name} ist unvollständig: Die Hauptdateien des Tresors fehlen.</translation>
    </message>
    <message>
        <source>{name} is incomplete: {name2} is missing.</source>
        <translation>{name} ist unvollständig: {name2} fehlt.</translation>
    </message>
    <message>
        <source>{name} is missing from the vault folder.</source>
        <translation>{name} fehlt im Tresorordner.</translation>
    </message>
    <message>
        <source>{name} is missing from the vault folder; that partner&apos;s journal cannot open. Restore it from a backup.</source>
        <translation>{name} fehlt im Tresorordner; das Tagebuch dieser Person kann nicht geöffnet werden. Stell die Datei aus einer Sicherung wieder her.</translation>
    </message>
    <message>
        <source>{name} is not a Twofold backup (no manifest).</source>
        <translation>{name} ist keine Twofold-Sicherung (kein Verzeichnis).</translation>
    </message>
    <message>
        <source>{name} is not a Twofold backup.</source>
        <translation>{name} ist keine Twofold-Sicherung.</translation>
    </message>
    <message>
        <source>{name} is not a Twofold backup: {name2} would inflate from {size} to {size2} bytes (encrypted files do not compress). Nothing was written.</source>
        <translation>{name} ist keine Twofold-Sicherung: {name2} würde sich von {size} auf {size2} Bytes aufblähen (verschlüsselte Dateien lassen sich nicht komprimieren). Es wurde nichts geschrieben.</translation>
    </message>
    <message>
        <source>{name} is not a usable Twofold backup: {why}.</source>
        <translation>{name} ist keine brauchbare Twofold-Sicherung: {why}.</translation>
    </message>
    <message>
        <source>{name} is not this partner&apos;s journal from this vault (it was swapped or replaced). Nothing was changed; restore it from a backup.</source>
        <translation>{name} ist nicht das Tagebuch dieser Person aus diesem Tresor (es wurde vertauscht oder ersetzt). Es wurde nichts geändert; stell es aus einer Sicherung wieder her.</translation>
    </message>
    <message>
        <source>{name} was made by a newer version of Twofold ({version}); update Twofold to restore it.</source>
        <translation>{name} wurde von einer neueren Version von Twofold erstellt ({version}); aktualisiere Twofold, um sie wiederherzustellen.</translation>
    </message>
    <message>
        <source>{source} is a folder, not a backup file.</source>
        <translation>{source} ist ein Ordner, keine Sicherungsdatei.</translation>
    </message>
    <message>
        <source>{target} already exists; nothing was written. Use --force to replace it.</source>
        <translation>{target} gibt es schon; es wurde nichts geschrieben. Nimm --force, um die Datei zu ersetzen.</translation>
    </message>
    <message>
        <source>{target} is a folder; give the backup&apos;s file name.</source>
        <translation>{target} ist ein Ordner; gib den Dateinamen der Sicherung an.</translation>
    </message>
    <message>
        <source>{target} is inside a vault folder; a backup must live outside it. Nothing was written; choose another folder.</source>
        <translation>{target} liegt in einem Tresorordner; eine Sicherung muss außerhalb davon liegen. Es wurde nichts geschrieben; wähl einen anderen Ordner.</translation>
    </message>
    <message>
        <source>{what} cannot be changed while shared.db is damaged: your journal is open for reading and export only. Restore shared.db from a backup.</source>
        <translation>{what} kann nicht geändert werden, solange shared.db beschädigt ist: Dein Tagebuch ist nur zum Lesen und Exportieren geöffnet. Stell shared.db aus einer Sicherung wieder her.</translation>
    </message>
    <message>
        <source>{what} cannot be changed: the vault folder is read-only here. Nothing was changed; reading still works.</source>
        <translation>{what} kann nicht geändert werden: Der Tresorordner ist hier schreibgeschützt. Es wurde nichts geändert; Lesen geht weiterhin.</translation>
    </message>
    <message>
        <source>{what} could not be read or written ({code}): the disk or the folder&apos;s permissions refused it. Nothing was changed.</source>
        <translation>{what} konnte nicht gelesen oder geschrieben werden ({code}): Der Datenträger oder die Rechte des Ordners haben es verweigert. Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>{what} holds no Twofold data (it was emptied or replaced). Nothing was changed; restore it from a backup.</source>
        <translation>{what} enthält keine Twofold-Daten (die Datei wurde geleert oder ersetzt). Es wurde nichts geändert; stell sie aus einer Sicherung wieder her.</translation>
    </message>
    <message>
        <source>{what} is busy in another process; try again in a moment.</source>
        <translation>{what} wird gerade von einem anderen Prozess benutzt; versuch es gleich noch einmal.</translation>
    </message>
    <message>
        <source>{what} is damaged or was altered ({code}). Nothing was changed; run &apos;twofold verify&apos; and restore from a backup if needed.</source>
        <translation>{what} ist beschädigt oder wurde verändert ({code}). Es wurde nichts geändert; führ &apos;twofold verify&apos; aus und stell bei Bedarf aus einer Sicherung wieder her.</translation>
    </message>
    <message>
        <source>{what}: a search index in the vault is damaged or was altered. Nothing was changed; run &apos;twofold verify&apos; and restore from a backup if needed.</source>
        <translation>{what}: Ein Suchindex im Tresor ist beschädigt oder wurde verändert. Es wurde nichts geändert; führ &apos;twofold verify&apos; aus und stell bei Bedarf aus einer Sicherung wieder her.</translation>
    </message>
    <message>
        <source>{what} could not be saved: a search index in the vault is damaged or was altered. Nothing was changed; run &apos;twofold verify&apos; and restore from a backup if needed.</source>
        <translation>{what} konnte nicht gespeichert werden: Ein Suchindex im Tresor ist beschädigt oder wurde verändert. Es wurde nichts geändert; führ &apos;twofold verify&apos; aus und stell bei Bedarf aus einer Sicherung wieder her.</translation>
    </message>
    <message>
        <source>{what} was written by a newer version of Twofold (schema {version}, this app knows up to {migrations}). Update Twofold to open it; nothing was changed.</source>
        <translation>{what} wurde von einer neueren Version von Twofold geschrieben (Schema {version}, diese App kennt bis {migrations}). Aktualisiere Twofold, um es zu öffnen; es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>A chapter needs a title and some words.</source>
        <translation>Ein Kapitel braucht einen Titel und ein paar Worte.</translation>
    </message>
    <message>
        <source>A check-in is for a day that has come.</source>
        <translation>Ein Check-in gilt einem Tag, der schon gekommen ist.</translation>
    </message>
    <message>
        <source>A check-off is for a day that has come, not one ahead.</source>
        <translation>Abhaken kannst du nur einen Tag, der schon gekommen ist, keinen künftigen.</translation>
    </message>
    <message>
        <source>A commitment belongs to one of you, or to both.</source>
        <translation>Eine Zusage gehört einem von euch oder euch beiden.</translation>
    </message>
    <message>
        <source>A day counts as renegotiated only when new terms are accepted by both of you; propose new terms instead.</source>
        <translation>Ein Tag gilt nur dann als neu ausgehandelt, wenn ihr beide neue Bedingungen angenommen habt; schlag stattdessen neue Bedingungen vor.</translation>
    </message>
    <message>
        <source>A joint session is already open; end it first.</source>
        <translation>Es ist schon eine gemeinsame Sitzung offen; beendet sie zuerst.</translation>
    </message>
    <message>
        <source>A one-off commitment needs a due date.</source>
        <translation>Eine einmalige Zusage braucht ein Fälligkeitsdatum.</translation>
    </message>
    <message>
        <source>A proposal is declined, not ended.</source>
        <translation>Einen Vorschlag lehnt man ab, man beendet ihn nicht.</translation>
    </message>
    <message>
        <source>Answer at least one question; a few words are enough.</source>
        <translation>Beantworte mindestens eine Frage; ein paar Worte reichen.</translation>
    </message>
    <message>
        <source>Check-ins are answered apart: open Twofold as yourself to answer, so your answers stay sealed in your own journal until you have both answered.</source>
        <translation>Check-ins beantwortet ihr getrennt: Öffne Twofold als du selbst, damit deine Antworten in deinem eigenen Tagebuch versiegelt bleiben, bis ihr beide geantwortet habt.</translation>
    </message>
    <message>
        <source>Choose a range of at most 30 years.</source>
        <translation>Wähle einen Zeitraum von höchstens 30 Jahren.</translation>
    </message>
    <message>
        <source>Choose at least one part to include in the report.</source>
        <translation>Wähle mindestens einen Teil für den Bericht aus.</translation>
    </message>
    <message>
        <source>Choose at least one weekday for this commitment.</source>
        <translation>Wähle mindestens einen Wochentag für diese Zusage.</translation>
    </message>
    <message>
        <source>Describe the counter-measure.</source>
        <translation>Beschreibe die Gegenmaßnahme.</translation>
    </message>
    <message>
        <source>Describe the objective.</source>
        <translation>Beschreibe das Ziel.</translation>
    </message>
    <message>
        <source>Export outside the vault folder: these files are plaintext, and the vault folder is meant to hold only encrypted files.</source>
        <translation>Exportiere außerhalb des Tresorordners: Diese Dateien sind unverschlüsselt, und der Tresorordner soll nur verschlüsselte Dateien enthalten.</translation>
    </message>
    <message>
        <source>Imports go into your private journal: unlock with your own passphrase.</source>
        <translation>Importe kommen in dein privates Tagebuch: Entsperre mit deiner eigenen Passphrase.</translation>
    </message>
    <message>
        <source>Keep each answer under 5,000 characters.</source>
        <translation>Halte jede Antwort unter 5.000 Zeichen.</translation>
    </message>
    <message>
        <source>Keep it under 2,000 characters.</source>
        <translation>Bleib unter 2.000 Zeichen.</translation>
    </message>
    <message>
        <source>Keep it under 2,000 characters; the rest is for the talk.</source>
        <translation>Bleib unter 2.000 Zeichen; der Rest ist für das Gespräch.</translation>
    </message>
    <message>
        <source>Keep the commitment under 200 characters; details go below.</source>
        <translation>Halte die Zusage unter 200 Zeichen; Einzelheiten kommen darunter.</translation>
    </message>
    <message>
        <source>Keep the words under 500 characters.</source>
        <translation>Halte die Worte unter 500 Zeichen.</translation>
    </message>
    <message>
        <source>Name at least one value.</source>
        <translation>Nenne mindestens einen Wert.</translation>
    </message>
    <message>
        <source>Name only partners of this vault.</source>
        <translation>Nenne nur Partner dieses Tresors.</translation>
    </message>
    <message>
        <source>New terms are already waiting for an answer; answer or wait for those first.</source>
        <translation>Es warten schon neue Bedingungen auf eine Antwort; beantworte sie oder warte zuerst auf sie.</translation>
    </message>
    <message>
        <source>New terms are for an accepted commitment that is still running.</source>
        <translation>Neue Bedingungen gibt es nur für eine angenommene Zusage, die noch läuft.</translation>
    </message>
    <message>
        <source>Nothing changed from the latest version.</source>
        <translation>Gegenüber der letzten Fassung hat sich nichts geändert.</translation>
    </message>
    <message>
        <source>Only a partner of this vault can end a commitment.</source>
        <translation>Nur ein Partner dieses Tresors kann eine Zusage beenden.</translation>
    </message>
    <message>
        <source>Only a partner of this vault can propose a commitment.</source>
        <translation>Nur ein Partner dieses Tresors kann eine Zusage vorschlagen.</translation>
    </message>
    <message>
        <source>Only a partner of this vault can propose new terms.</source>
        <translation>Nur ein Partner dieses Tresors kann neue Bedingungen vorschlagen.</translation>
    </message>
    <message>
        <source>Only a proposed commitment can be declined.</source>
        <translation>Ablehnen lässt sich nur eine vorgeschlagene Zusage.</translation>
    </message>
    <message>
        <source>Only the partner a commitment would bind can decline it.</source>
        <translation>Ablehnen kann eine Zusage nur, wen sie binden würde.</translation>
    </message>
    <message>
        <source>Only the partner who wrote it can withdraw it.</source>
        <translation>Zurückziehen kann es nur, wer es geschrieben hat.</translation>
    </message>
    <message>
        <source>PDF needs the app&apos;s layout engine; choose Markdown or JSON here.</source>
        <translation>PDF braucht das Layout der App; wähle hier Markdown oder JSON.</translation>
    </message>
    <message>
        <source>Private entries can be added only by their author, in their own unlocked session (not in a shared session).</source>
        <translation>Private Einträge kann nur hinzufügen, wer sie geschrieben hat, in der eigenen entsperrten Sitzung (nicht in einer geteilten Sitzung).</translation>
    </message>
    <message>
        <source>Private entries can be added only by their author, in their own unlocked session.</source>
        <translation>Private Einträge kann nur hinzufügen, wer sie geschrieben hat, in der eigenen entsperrten Sitzung.</translation>
    </message>
    <message>
        <source>Put every part of the agenda in an order.</source>
        <translation>Bring jeden Teil der Tagesordnung in eine Reihenfolge.</translation>
    </message>
    <message>
        <source>Reviews come every week, every two weeks or every four weeks.</source>
        <translation>Rückblicke gibt es jede Woche, alle zwei Wochen oder alle vier Wochen.</translation>
    </message>
    <message>
        <source>Save the export outside the vault folder: it is plaintext, and the vault folder is meant to hold only encrypted files.</source>
        <translation>Speichere den Export außerhalb des Tresorordners: Er ist unverschlüsselt, und der Tresorordner soll nur verschlüsselte Dateien enthalten.</translation>
    </message>
    <message>
        <source>Say in a few words what you&apos;d like to talk about.</source>
        <translation>Sag in ein paar Worten, worüber du reden möchtest.</translation>
    </message>
    <message>
        <source>Say what concerns you, e.g. “I didn&apos;t see this happen”.</source>
        <translation>Sag, was dich beschäftigt, z. B. „Ich habe nicht gesehen, dass das passiert ist“.</translation>
    </message>
    <message>
        <source>Say what happened, plainly and without a verdict.</source>
        <translation>Sag, was passiert ist, schlicht und ohne Urteil.</translation>
    </message>
    <message>
        <source>Say what moved.</source>
        <translation>Sag, was sich bewegt hat.</translation>
    </message>
    <message>
        <source>Say what went well.</source>
        <translation>Sag, was gut gelaufen ist.</translation>
    </message>
    <message>
        <source>Say what you appreciate.</source>
        <translation>Sag, was du schätzt.</translation>
    </message>
    <message>
        <source>Say what you commit to, as something the other could observe.</source>
        <translation>Sag, was du zusagst – als etwas, das dein Gegenüber beobachten könnte.</translation>
    </message>
    <message>
        <source>Select the passage you want to share first.</source>
        <translation>Markiere zuerst die Stelle, die du teilen möchtest.</translation>
    </message>
    <message>
        <source>Some of those items are no longer in your outbox.</source>
        <translation>Einige davon sind nicht mehr zum Teilen vorgemerkt.</translation>
    </message>
    <message>
        <source>That day is before the commitment began.</source>
        <translation>Dieser Tag liegt vor dem Beginn der Zusage.</translation>
    </message>
    <message>
        <source>That passage is not part of the entry.</source>
        <translation>Diese Stelle gehört nicht zum Eintrag.</translation>
    </message>
    <message>
        <source>That passphrase is your partner&apos;s. Each partner needs their own secret; choose another one. Nothing was changed.</source>
        <translation>Das ist die Passphrase deines Gegenübers. Jede Person braucht ihr eigenes Geheimnis; wähle eine andere. Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>Each partner can change the backup folder, unlocked alone. Nothing was changed.</source>
        <translation>Den Sicherungsordner kann jede Person ändern, wenn sie allein entsperrt hat. Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>“{folder}” is not a full folder path (one that starts at the top of the disk). Nothing was changed.</source>
        <translation>„{folder}“ ist kein vollständiger Ordnerpfad (einer, der ganz oben auf dem Datenträger beginnt). Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>Twofold cannot use its lock file {name} in {folder}: something that is not a file Twofold can open was put in its place (a folder, a link, or a file without access). Nothing was changed. Remove it and try again; Twofold makes a new one.</source>
        <translation>Twofold kann seine Sperrdatei {name} in {folder} nicht verwenden: An ihre Stelle wurde etwas gelegt, das keine Datei ist, die Twofold öffnen kann (ein Ordner, eine Verknüpfung oder eine Datei ohne Zugriff). Es wurde nichts geändert. Entferne es und versuche es erneut; Twofold legt eine neue an.</translation>
    </message>
    <message>
        <source>Your private journal file is older than your own signature: it remembers the shared ledger up to event #{seen}, but you shared a reflection in event #{seq} on {when}. Someone replaced your journal file with an older copy of itself: what you wrote privately since then may be missing. Nothing was deleted or changed now. If a backup holds a newer journal, restore it; keep the Verify report.</source>
        <translation>Deine private Tagebuchdatei ist älter als deine eigene Unterschrift: Sie kennt die gemeinsame Chronik bis Ereignis #{seen}, aber du hast in Ereignis #{seq} am {when} eine Reflexion geteilt. Jemand hat deine Tagebuchdatei durch eine ältere Kopie ihrer selbst ersetzt: Was du seitdem privat geschrieben hast, kann fehlen. Jetzt wurde nichts gelöscht oder geändert. Wenn eine Sicherung ein neueres Tagebuch enthält, stelle es wieder her; bewahre den Prüfbericht auf.</translation>
    </message>
    <message>
        <source>Your private journal file is older than your own signature: it remembers the shared ledger up to event #{seen}, but you answered a check-in in event #{seq} on {when}, and its sealed answers are gone from it. Someone replaced your journal file with an older copy of itself: what you wrote privately since then may be missing. Nothing was deleted or changed now. If a backup holds a newer journal, restore it; keep the Verify report.</source>
        <translation>Deine private Tagebuchdatei ist älter als deine eigene Unterschrift: Sie kennt die gemeinsame Chronik bis Ereignis #{seen}, aber du hast in Ereignis #{seq} am {when} einen Check-in beantwortet, und dessen versiegelte Antworten fehlen darin. Jemand hat deine Tagebuchdatei durch eine ältere Kopie ihrer selbst ersetzt: Was du seitdem privat geschrieben hast, kann fehlen. Jetzt wurde nichts gelöscht oder geändert. Wenn eine Sicherung ein neueres Tagebuch enthält, stelle es wieder her; bewahre den Prüfbericht auf.</translation>
    </message>
    <message>
        <source>The daily backups now go to {where}: the folder was changed since you last unlocked, not by you. If the two of you did not agree on it, choose the folder again in Settings → Backups.</source>
        <translation>Die täglichen Sicherungen gehen jetzt nach {where}: Der Ordner wurde seit deinem letzten Entsperren geändert, nicht von dir. Wenn ihr beide das nicht so vereinbart habt, wähle den Ordner erneut unter Einstellungen → Sicherungen.</translation>
    </message>
    <message>
        <source>What the app shows was rebuilt from the signed ledger at this unlock, which took longer: shared.db&apos;s format marker said “{found}” where this version of Twofold writes “{current}”. Updating Twofold does this once. If you did not update, someone changed shared.db outside Twofold: the full check in the shared timeline shows whether anything else was changed.</source>
        <translation>Was die App zeigt, wurde bei diesem Entsperren aus der signierten Chronik neu aufgebaut, deshalb dauerte es länger: Die Formatmarke in shared.db lautete „{found}“, diese Version von Twofold schreibt „{current}“. Ein Update von Twofold tut das einmal. Wenn du nichts aktualisiert hast, hat jemand shared.db außerhalb von Twofold verändert: Die vollständige Prüfung in der gemeinsamen Chronik zeigt, ob sonst noch etwas verändert wurde.</translation>
    </message>
    <message>
        <source>What the app shows was rebuilt from the signed ledger at this unlock, which took longer: shared.db held no format marker Twofold writes (this version writes “{current}”). Updating Twofold does this once. If you did not update, someone changed shared.db outside Twofold: the full check in the shared timeline shows whether anything else was changed.</source>
        <translation>Was die App zeigt, wurde bei diesem Entsperren aus der signierten Chronik neu aufgebaut, deshalb dauerte es länger: shared.db enthielt keine Formatmarke, wie Twofold sie schreibt (diese Version schreibt „{current}“). Ein Update von Twofold tut das einmal. Wenn du nichts aktualisiert hast, hat jemand shared.db außerhalb von Twofold verändert: Die vollständige Prüfung in der gemeinsamen Chronik zeigt, ob sonst noch etwas verändert wurde.</translation>
    </message>
    <message>
        <source>That was already accepted.</source>
        <translation>Das wurde schon angenommen.</translation>
    </message>
    <message>
        <source>That was already withdrawn.</source>
        <translation>Das wurde schon zurückgezogen.</translation>
    </message>
    <message>
        <source>The agreement is empty: write at least one section.</source>
        <translation>Die Vereinbarung ist leer: Schreib mindestens einen Abschnitt.</translation>
    </message>
    <message>
        <source>The automatic backups were not replaced: shared.db is damaged, so the backups from before the damage are kept as they are.</source>
        <translation>Die automatischen Sicherungen wurden nicht ersetzt: shared.db ist beschädigt, darum bleiben die Sicherungen von vor dem Schaden, wie sie sind.</translation>
    </message>
    <message>
        <source>The entry is empty: write something first.</source>
        <translation>Der Eintrag ist leer: Schreib zuerst etwas.</translation>
    </message>
    <message>
        <source>The first day comes after the last; swap them.</source>
        <translation>Der erste Tag liegt nach dem letzten; tausch sie.</translation>
    </message>
    <message>
        <source>The new terms are the same as the old ones.</source>
        <translation>Die neuen Bedingungen sind dieselben wie die alten.</translation>
    </message>
    <message>
        <source>The private journal is locked in a shared session. Unlock with your own passphrase to open it.</source>
        <translation>In einer geteilten Sitzung ist das private Tagebuch gesperrt. Entsperre mit deiner eigenen Passphrase, um es zu öffnen.</translation>
    </message>
    <message>
        <source>The range ends before it starts: choose the dates again.</source>
        <translation>Der Zeitraum endet, bevor er beginnt: Wähle die Daten neu.</translation>
    </message>
    <message>
        <source>The two partners chose the same passphrase. Each needs their own: with one secret, either of you could open the other&apos;s journal and sign as the other.</source>
        <translation>Ihr habt beide dieselbe Passphrase gewählt. Jede Person braucht ihre eigene: Mit einem gemeinsamen Geheimnis könnte jede von euch das Tagebuch der anderen öffnen und in ihrem Namen unterschreiben.</translation>
    </message>
    <message>
        <source>The version to share is empty: write what your partner will read.</source>
        <translation>Die Fassung zum Teilen ist leer: Schreib, was dein Gegenüber lesen wird.</translation>
    </message>
    <message>
        <source>There are no such new terms.</source>
        <translation>Diese neuen Bedingungen gibt es nicht.</translation>
    </message>
    <message>
        <source>There is no ended session with that id.</source>
        <translation>Es gibt keine beendete Sitzung mit dieser ID.</translation>
    </message>
    <message>
        <source>There is no such check-in.</source>
        <translation>Diesen Check-in gibt es nicht.</translation>
    </message>
    <message>
        <source>There is no such check-off.</source>
        <translation>Dieses Abhaken gibt es nicht.</translation>
    </message>
    <message>
        <source>There is no such commitment.</source>
        <translation>Diese Zusage gibt es nicht.</translation>
    </message>
    <message>
        <source>There is no such proposal.</source>
        <translation>Diesen Vorschlag gibt es nicht.</translation>
    </message>
    <message>
        <source>There is no such request.</source>
        <translation>Diese Bitte gibt es nicht.</translation>
    </message>
    <message>
        <source>There is no such setback.</source>
        <translation>Diesen Rückschlag gibt es nicht.</translation>
    </message>
    <message>
        <source>There is no such version of the agreement.</source>
        <translation>Diese Fassung der Vereinbarung gibt es nicht.</translation>
    </message>
    <message>
        <source>These new terms were already answered.</source>
        <translation>Auf diese neuen Bedingungen wurde schon geantwortet.</translation>
    </message>
    <message>
        <source>This commitment is still a proposal: it counts once it has been accepted.</source>
        <translation>Diese Zusage ist noch ein Vorschlag: Sie zählt, sobald sie angenommen ist.</translation>
    </message>
    <message>
        <source>This item cannot be withdrawn: what both of you agreed (an agreement version, an accepted commitment) changes only by a new version you both accept.</source>
        <translation>Das lässt sich nicht zurückziehen: Was ihr beide vereinbart habt (eine Fassung der Vereinbarung, eine angenommene Zusage), ändert sich nur durch eine neue Fassung, die ihr beide annehmt.</translation>
    </message>
    <message>
        <source>This setback is already restored.</source>
        <translation>Dieser Rückschlag ist schon wiederhergestellt.</translation>
    </message>
    <message>
        <source>Today&apos;s automatic backup was not made: shared.db is damaged, so the backups from before the damage are kept as they are.</source>
        <translation>Die heutige automatische Sicherung wurde nicht angelegt: shared.db ist beschädigt, darum bleiben die Sicherungen von vor dem Schaden, wie sie sind.</translation>
    </message>
    <message>
        <source>Weekdays are 0 (Monday) to 6 (Sunday).</source>
        <translation>Wochentage gehen von 0 (Montag) bis 6 (Sonntag).</translation>
    </message>
    <message>
        <source>Write a few words, e.g. “Heard — let&apos;s talk Thursday.”</source>
        <translation>Schreib ein paar Worte, z. B. „Gehört – lass uns am Donnerstag reden.“</translation>
    </message>
    <message>
        <source>Write something first.</source>
        <translation>Schreib zuerst etwas.</translation>
    </message>
    <message>
        <source>You agreed that the pace follows your partner&apos;s choice; they set it. You can raise a request to talk about it.</source>
        <translation>Ihr habt vereinbart, dass das Tempo der Wahl deines Gegenübers folgt; dein Gegenüber legt es fest. Du kannst um ein Gespräch darüber bitten.</translation>
    </message>
    <message>
        <source>You have already accepted this commitment.</source>
        <translation>Du hast diese Zusage schon angenommen.</translation>
    </message>
    <message>
        <source>You have already accepted this commitment; to change it, renegotiate.</source>
        <translation>Du hast diese Zusage schon angenommen; um sie zu ändern, schlag neue Bedingungen vor.</translation>
    </message>
    <message>
        <source>You have already acknowledged this version.</source>
        <translation>Du hast diese Fassung schon bestätigt.</translation>
    </message>
    <message>
        <source>You have already agreed to this summary.</source>
        <translation>Du hast dieser Zusammenfassung schon zugestimmt.</translation>
    </message>
    <message>
        <source>You have already ended this commitment; your partner can agree to end it too.</source>
        <translation>Du hast diese Zusage schon beendet; dein Gegenüber kann zustimmen, sie ebenfalls zu beenden.</translation>
    </message>
    <message>
        <source>Your outbox changed after the preview; look at the preview again.</source>
        <translation>Was zum Teilen vorgemerkt ist, hat sich nach der Vorschau geändert; sieh dir die Vorschau noch einmal an.</translation>
    </message>
    <message>
        <source>Your outbox is empty: add an entry to share first.</source>
        <translation>Es ist nichts zum Teilen vorgemerkt: Merke zuerst einen Eintrag vor.</translation>
    </message>
    <message>
        <source>Your partner accepts the new terms you proposed, with their own signature.</source>
        <translation>Die neuen Bedingungen, die du vorgeschlagen hast, nimmt dein Gegenüber mit der eigenen Unterschrift an.</translation>
    </message>
    <message>
        <source>Your partner accepts what you proposed, with their own signature.</source>
        <translation>Was du vorgeschlagen hast, nimmt dein Gegenüber mit der eigenen Unterschrift an.</translation>
    </message>
    <message>
        <source>Your partner acknowledges your check-off or adds a concern, not you.</source>
        <translation>Dein Abhaken bestätigt dein Gegenüber oder äußert ein Bedenken dazu, nicht du.</translation>
    </message>
    <message>
        <source>Your partner agrees to the summary you wrote, with their signature.</source>
        <translation>Der Zusammenfassung, die du geschrieben hast, stimmt dein Gegenüber mit der eigenen Unterschrift zu.</translation>
    </message>
    <message>
        <source>Your partner answers your request.</source>
        <translation>Auf deine Bitte antwortet dein Gegenüber.</translation>
    </message>
    <message>
        <source>Your partner has left this vault, so no one can agree to an export of your shared history with you.</source>
        <translation>Dein Gegenüber hat diesen Tresor verlassen, darum kann niemand mit dir einem Export eurer gemeinsamen Geschichte zustimmen.</translation>
    </message>
    <message>
        <source>Your patterns come from your private journal, locked in a session.</source>
        <translation>Deine Muster stammen aus deinem privaten Tagebuch, das in dieser Sitzung gesperrt ist.</translation>
    </message>
    <message>
        <source>A passphrase needs at least {limit} characters; four or five unrelated words are easy to remember and hard to guess.</source>
        <translation>Eine Passphrase braucht mindestens {limit} Zeichen; vier oder fünf Wörter, die nichts miteinander zu tun haben, sind leicht zu merken und schwer zu erraten.</translation>
    </message>
    <message>
        <source>A report of your shared history needs {other}&apos;s agreement: {other} types their own passphrase to sign it.</source>
        <translation>Ein Bericht über eure gemeinsame Geschichte braucht die Zustimmung von {other}: {other} gibt zum Unterschreiben die eigene Passphrase ein.</translation>
    </message>
    <message>
        <source>The shared ledger changed while it was being checked for the report; make the report again.</source>
        <translation>Die gemeinsame Chronik hat sich geändert, während sie für den Bericht geprüft wurde; erstellt den Bericht noch einmal.</translation>
    </message>
    <message>
        <source>The report was not made: the shared ledger does not match what you both signed ({problem}). A report now could carry words neither of you wrote. The timeline&apos;s banner and &apos;twofold verify&apos; say what changed; restore shared.db from a backup, then make the report again.</source>
        <translation>Der Bericht wurde nicht erstellt: Die gemeinsame Chronik stimmt nicht mit dem überein, was ihr beide unterschrieben habt ({problem}). Ein Bericht könnte jetzt Worte enthalten, die keiner von euch geschrieben hat. Das Banner der Zeitleiste und „twofold verify“ nennen, was geändert wurde; stellt shared.db aus einer Sicherung wieder her und erstellt den Bericht dann erneut.</translation>
    </message>
    <message>
        <source>{where}: was edited outside Twofold ({columns} differs from the signed event)</source>
        <translation>{where}: wurde außerhalb von Twofold verändert ({columns} weicht vom unterschriebenen Ereignis ab)</translation>
    </message>
    <message>
        <source>{where}: was edited outside Twofold ({columns} differ from the signed event)</source>
        <translation>{where}: wurde außerhalb von Twofold verändert ({columns} weichen vom unterschriebenen Ereignis ab)</translation>
    </message>
    <message>
        <source>{where}: has no signed event (event #{seq} is not in the ledger)</source>
        <translation>{where}: hat kein unterschriebenes Ereignis (Ereignis #{seq} steht nicht in der Chronik)</translation>
    </message>
    <message>
        <source>{where}: was inserted outside Twofold: {event} does not say so</source>
        <translation>{where}: wurde außerhalb von Twofold eingefügt: {event} sagt das nicht</translation>
    </message>
    <message>
        <source>{where}: was deleted outside Twofold (the signed event is still there)</source>
        <translation>{where}: wurde außerhalb von Twofold gelöscht (das unterschriebene Ereignis ist noch da)</translation>
    </message>
    <message>
        <source>{where}: was edited or inserted outside Twofold: search would show words never signed</source>
        <translation>{where}: wurde außerhalb von Twofold verändert oder eingefügt: Die Suche würde Worte zeigen, die nie unterschrieben wurden</translation>
    </message>
    <message>
        <source>{where}: was deleted outside Twofold</source>
        <translation>{where}: wurde außerhalb von Twofold gelöscht</translation>
    </message>
    <message>
        <source>{where}: its structure was changed outside Twofold</source>
        <translation>{where}: Seine Struktur wurde außerhalb von Twofold verändert</translation>
    </message>
    <message>
        <source>{table}, row of event #{seq} ({kind}, {day})</source>
        <translation>{table}, Zeile von Ereignis #{seq} ({kind}, {day})</translation>
    </message>
    <message>
        <source>event #{seq} ({kind}, {day})</source>
        <translation>Ereignis #{seq} ({kind}, {day})</translation>
    </message>
    <message>
        <source>Cannot read {path}: {strerror}.</source>
        <translation>{path} lässt sich nicht lesen: {strerror}.</translation>
    </message>
    <message>
        <source>Choose a few: at most {limit} values.</source>
        <translation>Wähle ein paar aus: höchstens {limit} Werte.</translation>
    </message>
    <message>
        <source>Entry #{record_id} is outside the report&apos;s range; choose entries from the range only.</source>
        <translation>Eintrag #{record_id} liegt außerhalb des Berichtszeitraums; wähle nur Einträge aus dem Zeitraum.</translation>
    </message>
    <message>
        <source>Keep the request under {limit} characters.</source>
        <translation>Halte die Bitte unter {limit} Zeichen.</translation>
    </message>
    <message>
        <source>Not recorded: {reason}.</source>
        <translation>Nicht festgehalten: {reason}</translation>
    </message>
    <message>
        <source>Only {owners} can accept this commitment, with their own signature; nobody accepts for someone else.</source>
        <translation>Nur {owners} kann diese Zusage annehmen, mit der eigenen Unterschrift; niemand nimmt für jemand anderen an.</translation>
    </message>
    <message>
        <source>Only {owners} can record how this commitment went. You can acknowledge a check-off or add a concern beside it.</source>
        <translation>Nur {owners} kann festhalten, wie es mit dieser Zusage lief. Du kannst ein Abhaken bestätigen oder ein Bedenken dazuschreiben.</translation>
    </message>
    <message>
        <source>That passphrase is too easy to guess ({label}). {advice}</source>
        <translation>Diese Passphrase ist zu leicht zu erraten ({label}). {advice}</translation>
    </message>
    <message>
        <source>The entry is {length} characters; split it into entries under {limit}.</source>
        <translation>Der Eintrag hat {length} Zeichen; teile ihn in Einträge unter {limit} auf.</translation>
    </message>
    <message>
        <source>The next step is “{value}”: repair goes acknowledge, repair, restore.</source>
        <translation>Der nächste Schritt ist „{value}“: Eine Reparatur geht in der Reihenfolge anerkennen, reparieren, wiederherstellen.</translation>
    </message>
    <message>
        <source>The version to share is {length} characters; keep it under {limit} so it can be read together.</source>
        <translation>Die Fassung zum Teilen hat {length} Zeichen; halte sie unter {limit}, damit ihr sie zusammen lesen könnt.</translation>
    </message>
    <message>
        <source>This commitment is no longer waiting for acceptance ({state}).</source>
        <translation>Diese Zusage wartet nicht mehr auf Annahme ({state}).</translation>
    </message>
    <message>
        <source>This commitment is {state}.</source>
        <translation>Diese Zusage ist im Zustand „{state}“.</translation>
    </message>
    <message>
        <source>This commitment is {state}; nothing more is recorded on it.</source>
        <translation>Diese Zusage ist im Zustand „{state}“; dazu wird nichts mehr festgehalten.</translation>
    </message>
    <message>
        <source>Type “{expected}” to confirm; nothing was changed.</source>
        <translation>Gib „{expected}“ zur Bestätigung ein; es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>{folder} holds no Markdown or text files (.md, .txt).</source>
        <translation>{folder} enthält keine Markdown- oder Textdateien (.md, .txt).</translation>
    </message>
    <message>
        <source>{name} in {file} is larger than 1 GiB.</source>
        <translation>{name} in {file} ist größer als 1 GiB.</translation>
    </message>
    <message>
        <source>{name} is not a time zone name such as Europe/Berlin.</source>
        <translation>{name} ist kein Zeitzonenname wie Europe/Berlin.</translation>
    </message>
    <message>
        <source>{name} is larger than 1 GiB; split it first.</source>
        <translation>{name} ist größer als 1 GiB; teile die Datei zuerst auf.</translation>
    </message>
    <message>
        <source>{name}: Twofold imports a Day One export (.zip or .json), a jrnl export (.json or .txt), Markdown or text files, or a folder of them.</source>
        <translation>{name}: Twofold importiert einen Day-One-Export (.zip oder .json), einen jrnl-Export (.json oder .txt), Markdown- oder Textdateien oder einen Ordner davon.</translation>
    </message>
    <message>
        <source>{path} does not exist.</source>
        <translation>{path} gibt es nicht.</translation>
    </message>
    <message>
        <source>{parent} does not exist; choose a folder that does.</source>
        <translation>{parent} gibt es nicht; wähle einen Ordner, den es gibt.</translation>
    </message>
    <message>
        <source>{target} already exists and is not empty; choose a new folder.</source>
        <translation>{target} gibt es schon und ist nicht leer; wähle einen neuen Ordner.</translation>
    </message>
    <message>
        <source>{target} already exists; choose another name.</source>
        <translation>{target} gibt es schon; wähle einen anderen Namen.</translation>
    </message>
    <message>
        <source>{target} is a folder; give a file name.</source>
        <translation>{target} ist ein Ordner; gib einen Dateinamen an.</translation>
    </message>
    <message>
        <source>“{title}” is not due on {day}s ({cadence}).</source>
        <translation>„{title}“ ist an diesem Wochentag nicht fällig ({cadence}).</translation>
    </message>
    <message>
        <source>“{title}” is too long; keep each section under 20,000 characters.</source>
        <translation>„{title}“ ist zu lang; halte jeden Abschnitt unter 20.000 Zeichen.</translation>
    </message>
    <message>
        <source>Paused. Take the time you need; resume when you are both ready.</source>
        <translation>Pause. Nehmt euch die Zeit, die ihr braucht; macht weiter, wenn ihr beide bereit seid.</translation>
    </message>
    <message>
        <source>{listener}, say back what you heard {speaker} say, before answering. Ask “did I get that right?”</source>
        <translation>{listener}, sag mit eigenen Worten, was du von {speaker} gehört hast, bevor du antwortest. Frag: „Habe ich das richtig verstanden?“</translation>
    </message>
    <message>
        <source>{speaker} speaks; {listener} listens without interrupting.</source>
        <translation>{speaker} spricht; {listener} hört zu, ohne zu unterbrechen.</translation>
    </message>
</context>
<context>
    <name>MyPatternsPage</name>
    <message>
        <source>My patterns</source>
        <translation>Meine Muster</translation>
    </message>
    <message>
        <source>Only you see this page: the feelings you named in your entries and daily check-ins, when triggers come, what comes with them, and your most used tags.</source>
        <translation>Nur du siehst diese Seite: die Gefühle, die du in deinen Einträgen und täglichen Check-ins benannt hast, wann Auslöser auftreten, was mit ihnen kommt, und deine häufigsten Schlagwörter.</translation>
    </message>
</context>
<context>
    <name>NewCodePanel</name>
    <message>
        <source>Your new recovery code</source>
        <translation>Dein neuer Wiederherstellungscode</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Drucken…</translation>
    </message>
    <message>
        <source>Print the new recovery sheet</source>
        <translation>Das neue Wiederherstellungsblatt drucken</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>Als PDF speichern…</translation>
    </message>
    <message>
        <source>Save the new recovery sheet</source>
        <translation>Das neue Wiederherstellungsblatt speichern</translation>
    </message>
    <message>
        <source>Replace the automatic backups</source>
        <translation>Die automatischen Sicherungen ersetzen</translation>
    </message>
    <message>
        <source>Replace the automatic backups with one made now</source>
        <translation>Die automatischen Sicherungen durch eine jetzt erstellte ersetzen</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>Sicherungen</translation>
    </message>
    <message>
        <source>Your journal now has a new key: the old passphrase and the old recovery code open nothing current. This is your new recovery code; it is shown only now. Print it or save it before you go on.</source>
        <translation>Dein Tagebuch hat jetzt einen neuen Schlüssel: Die alte Passphrase und der alte Wiederherstellungscode öffnen nichts Aktuelles mehr. Das ist dein neuer Wiederherstellungscode; er wird nur jetzt gezeigt. Druck ihn aus oder speichere ihn, bevor du weitermachst.</translation>
    </message>
    <message>
        <source>Backups made before this change still open with the old passphrase or code, showing your journal as it was then. Replace the automatic backups with one made now; delete copies you keep elsewhere yourself.</source>
        <translation>Sicherungen von vor dieser Änderung lassen sich weiter mit der alten Passphrase oder dem alten Code öffnen und zeigen dein Tagebuch, wie es damals war. Ersetze die automatischen Sicherungen durch eine jetzt erstellte; Kopien an anderen Orten löschst du selbst.</translation>
    </message>
    <message>
        <source>Replacing the automatic backups…</source>
        <translation>Die automatischen Sicherungen werden ersetzt…</translation>
    </message>
    <message>
        <source>Done: {count} older automatic backup(s) were overwritten and deleted; today&apos;s backup was made with the new keys.</source>
        <translation>Fertig: {count} ältere automatische Sicherung(en) wurden überschrieben und gelöscht; die heutige Sicherung wurde mit den neuen Schlüsseln erstellt.</translation>
    </message>
</context>
<context>
    <name>NewPassphrase</name>
    <message>
        <source>Passphrase</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <source>Four or five unrelated words work well</source>
        <translation>Vier oder fünf zufällige Wörter sind gut</translation>
    </message>
    <message>
        <source>Confirm passphrase</source>
        <translation>Passphrase bestätigen</translation>
    </message>
    <message>
        <source>Type it again</source>
        <translation>Noch einmal eingeben</translation>
    </message>
    <message>
        <source>Passphrase strength</source>
        <translation>Stärke der Passphrase</translation>
    </message>
    <message>
        <source>Passphrase advice</source>
        <translation>Hinweis zur Passphrase</translation>
    </message>
    <message>
        <source>Confirmation problem</source>
        <translation>Problem bei der Bestätigung</translation>
    </message>
    <message>
        <source>Passphrase strength: {strength}</source>
        <translation>Stärke der Passphrase: {strength}</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>Die beiden Passphrasen sind verschieden.</translation>
    </message>
</context>
<context>
    <name>OnThisDayBanner</name>
    <message>
        <source>On this day</source>
        <translation>An diesem Tag</translation>
    </message>
    <message>
        <source>On this day, together</source>
        <translation>An diesem Tag, gemeinsam</translation>
    </message>
    <message>
        <source>Show what happened {when}</source>
        <translation>Zeigen, was {when} war</translation>
    </message>
</context>
<context>
    <name>OurProgressPage</name>
    <message>
        <source>Our progress</source>
        <translation>Unsere Fortschritte</translation>
    </message>
    <message>
        <source>The long arc of what you build together: how commitments were kept week by week, how strong each has grown, wins and setbacks, check-ins, and the milestones (★) along the way. Every chart&apos;s numbers are in the table beside it.</source>
        <translation>Der große Bogen dessen, was ihr gemeinsam aufbaut: wie Zusagen Woche für Woche gehalten wurden, wie stark jede geworden ist, Erfolge und Rückschläge, Check-ins und die Meilensteine (★) auf dem Weg. Die Zahlen zu jedem Diagramm stehen in der Tabelle daneben.</translation>
    </message>
</context>
<context>
    <name>OutboxPage</name>
    <message>
        <source>Waiting to be shared</source>
        <translation>Wartet aufs Teilen</translation>
    </message>
    <message>
        <source>Your private original</source>
        <translation>Dein privates Original</translation>
    </message>
    <message>
        <source>The version your partner will read</source>
        <translation>Die Fassung, die dein Gegenüber lesen wird</translation>
    </message>
    <message>
        <source>Write what your partner will read. It may differ from your private words.</source>
        <translation>Schreib, was dein Gegenüber lesen wird. Es darf sich von deinen privaten Worten unterscheiden.</translation>
    </message>
    <message>
        <source>Your request (optional)</source>
        <translation>Deine Bitte (freiwillig)</translation>
    </message>
    <message>
        <source>I&apos;d like us to talk about…</source>
        <translation>Ich würde gern mit dir darüber reden, …</translation>
    </message>
    <message>
        <source>Remove from outbox</source>
        <translation>Nicht mehr vormerken</translation>
    </message>
    <message>
        <source>Remove this item from your outbox</source>
        <translation>Diesen Eintrag nicht mehr zum Teilen vormerken</translation>
    </message>
    <message>
        <source>Review and share…</source>
        <translation>Ansehen und teilen…</translation>
    </message>
    <message>
        <source>Review and share everything in your outbox</source>
        <translation>Alles Vorgemerkte ansehen und teilen</translation>
    </message>
    <message>
        <source>Review and share (Ctrl+Return)</source>
        <translation>Ansehen und teilen (Strg+Eingabe)</translation>
    </message>
    <message>
        <source>Your outbox is empty</source>
        <translation>Nichts zum Teilen vorgemerkt</translation>
    </message>
    <message>
        <source>In your journal, choose “Add to outbox” on an entry, or select a passage first. It waits here, private, until you write the version to share and confirm.</source>
        <translation>Wähl in deinem Tagebuch bei einem Eintrag „Zum Teilen vormerken“, oder markiere vorher eine Stelle. Sie wartet hier, privat, bis du die Fassung zum Teilen geschrieben und bestätigt hast.</translation>
    </message>
    <message>
        <source>What your partner will read</source>
        <translation>Was dein Gegenüber lesen wird</translation>
    </message>
    <message>
        <source>Request (optional)</source>
        <translation>Bitte (freiwillig)</translation>
    </message>
    <message>
        <source>Preview, exactly as your partner will see it</source>
        <translation>Vorschau, genau so, wie dein Gegenüber es sehen wird</translation>
    </message>
    <message>
        <source>Outbox</source>
        <translation>Zum Teilen</translation>
    </message>
    <message>
        <source>Private until you confirm.</source>
        <translation>Privat, bis du bestätigst.</translation>
    </message>
    <message>
        <source>(no text yet)</source>
        <translation>(noch kein Text)</translation>
    </message>
    <message numerus="yes">
        <source>%n waiting to be shared with {partner_label}</source>
        <translation>
            <numerusform>%Ln wartet darauf, mit {partner_label} geteilt zu werden</numerusform>
            <numerusform>%Ln warten darauf, mit {partner_label} geteilt zu werden</numerusform>
        </translation>
    </message>
    <message>
        <source>Your edit was not saved</source>
        <translation>Deine Änderung wurde nicht gespeichert</translation>
    </message>
    <message>
        <source>Not removed from your outbox</source>
        <translation>Nicht aus den Vormerkungen entfernt</translation>
    </message>
    <message>
        <source>Not ready to share</source>
        <translation>Noch nicht bereit zum Teilen</translation>
    </message>
    <message>
        <source>Nothing was shared</source>
        <translation>Nichts wurde geteilt</translation>
    </message>
</context>
<context>
    <name>OwnCodePage</name>
    <message>
        <source>Your recovery code</source>
        <translation>Dein Wiederherstellungscode</translation>
    </message>
    <message>
        <source>Print my sheet…</source>
        <translation>Mein Blatt drucken…</translation>
    </message>
    <message>
        <source>Print your recovery sheet</source>
        <translation>Dein Wiederherstellungsblatt drucken</translation>
    </message>
    <message>
        <source>Save my sheet as PDF…</source>
        <translation>Mein Blatt als PDF speichern…</translation>
    </message>
    <message>
        <source>Save your recovery sheet as PDF</source>
        <translation>Dein Wiederherstellungsblatt als PDF speichern</translation>
    </message>
    <message>
        <source>I have printed or saved my sheet and will keep it where only I can reach it</source>
        <translation>Ich habe mein Blatt gedruckt oder gespeichert und bewahre es so auf, dass nur ich herankomme</translation>
    </message>
    <message>
        <source>Recovery sheet stored</source>
        <translation>Wiederherstellungsblatt aufbewahrt</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Weiter</translation>
    </message>
    <message>
        <source>{owner}, this is your recovery code</source>
        <translation>{owner}, das ist dein Wiederherstellungscode</translation>
    </message>
    <message>
        <source>Shown only now. Print it or save it, then keep it safe.</source>
        <translation>Er wird nur jetzt gezeigt. Druck ihn aus oder speichere ihn und bewahr ihn sicher auf.</translation>
    </message>
</context>
<context>
    <name>Pages</name>
    <message>
        <source>Journal</source>
        <translation>Tagebuch</translation>
    </message>
    <message>
        <source>&amp;Journal</source>
        <translation>&amp;Tagebuch</translation>
    </message>
    <message>
        <source>Outbox</source>
        <translation>Zum Teilen</translation>
    </message>
    <message>
        <source>&amp;Outbox</source>
        <translation>&amp;Zum Teilen</translation>
    </message>
    <message>
        <source>Session agenda</source>
        <translation>Themen für die Sitzung</translation>
    </message>
    <message>
        <source>&amp;Agenda</source>
        <translation>T&amp;hemen</translation>
    </message>
    <message>
        <source>Joint session</source>
        <translation>Gemeinsame Sitzung</translation>
    </message>
    <message>
        <source>&amp;Joint session</source>
        <translation>&amp;Gemeinsame Sitzung</translation>
    </message>
    <message>
        <source>Shared timeline</source>
        <translation>Gemeinsame Zeitleiste</translation>
    </message>
    <message>
        <source>Shared &amp;timeline</source>
        <translation>Gemeinsame Zeit&amp;leiste</translation>
    </message>
    <message>
        <source>Commitments</source>
        <translation>Zusagen</translation>
    </message>
    <message>
        <source>&amp;Commitments</source>
        <translation>Zu&amp;sagen</translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation>Vereinbarung</translation>
    </message>
    <message>
        <source>A&amp;greement</source>
        <translation>&amp;Vereinbarung</translation>
    </message>
    <message>
        <source>Check-ins</source>
        <translation>Check-ins</translation>
    </message>
    <message>
        <source>Check-&amp;ins</source>
        <translation>Check-&amp;ins</translation>
    </message>
    <message>
        <source>Setbacks</source>
        <translation>Rückschläge</translation>
    </message>
    <message>
        <source>Set&amp;backs</source>
        <translation>&amp;Rückschläge</translation>
    </message>
    <message>
        <source>Wins</source>
        <translation>Erfolge</translation>
    </message>
    <message>
        <source>&amp;Wins</source>
        <translation>&amp;Erfolge</translation>
    </message>
    <message>
        <source>Together</source>
        <translation>Miteinander</translation>
    </message>
    <message>
        <source>T&amp;ogether</source>
        <translation>&amp;Miteinander</translation>
    </message>
    <message>
        <source>Our progress</source>
        <translation>Unsere Fortschritte</translation>
    </message>
    <message>
        <source>Our p&amp;rogress</source>
        <translation>Unsere &amp;Fortschritte</translation>
    </message>
    <message>
        <source>My patterns</source>
        <translation>Meine Muster</translation>
    </message>
    <message>
        <source>&amp;My patterns</source>
        <translation>Meine M&amp;uster</translation>
    </message>
</context>
<context>
    <name>PartnerPage</name>
    <message>
        <source>Partner {number}</source>
        <translation>Person {number}</translation>
    </message>
    <message>
        <source>The other partner looks away while you type. Choose a passphrase only you know.</source>
        <translation>Die andere Person schaut weg, während du tippst. Wähl eine Passphrase, die nur du kennst.</translation>
    </message>
    <message>
        <source>Partner {number} display name</source>
        <translation>Anzeigename von Person {number}</translation>
    </message>
    <message>
        <source>A first name, nickname or initial</source>
        <translation>Ein Vorname, Spitzname oder Anfangsbuchstabe</translation>
    </message>
    <message>
        <source>Problem with this page</source>
        <translation>Problem auf dieser Seite</translation>
    </message>
    <message>
        <source>Display name (shown on the unlock screen)</source>
        <translation>Anzeigename (auf dem Entsperr-Bildschirm zu sehen)</translation>
    </message>
    <message>
        <source>The two partners need different names.</source>
        <translation>Ihr beide braucht verschiedene Namen.</translation>
    </message>
    <message>
        <source>Each of you needs your own passphrase: with one secret, either of you could open the other&apos;s journal and sign as the other. Choose another.</source>
        <translation>Jede und jeder von euch braucht eine eigene Passphrase: Mit einem gemeinsamen Geheimnis könnte jede Person das Tagebuch der anderen öffnen und in ihrem Namen unterschreiben. Wähl bitte eine andere.</translation>
    </message>
</context>
<context>
    <name>PracticeReview</name>
    <message>
        <source>your partner</source>
        <translation>dein Gegenüber</translation>
    </message>
    <message>
        <source>Your answers are sealed now: only a fingerprint of them joins the shared ledger, signed with your key. {partner} reads them, exactly as below, once you have both answered or the period is over. Sealed answers cannot be changed; you can withdraw them.</source>
        <translation>Deine Antworten werden jetzt versiegelt: Nur ein Fingerabdruck davon kommt in die gemeinsame Chronik, unterschrieben mit deinem Schlüssel. {partner} liest sie genau so wie unten, sobald ihr beide geantwortet habt oder der Zeitraum vorbei ist. Versiegelte Antworten lassen sich nicht mehr ändern; du kannst sie zurückziehen.</translation>
    </message>
    <message>
        <source>This is exactly what joins the shared ledger, signed with your key; {partner} will read it on the timeline. You can withdraw it later: its words are removed, and a signed note that you withdrew it stays.</source>
        <translation>Genau das kommt in die gemeinsame Chronik, unterschrieben mit deinem Schlüssel; {partner} liest es auf der Zeitleiste. Du kannst es später zurückziehen: Die Worte werden entfernt, und ein unterschriebener Vermerk, dass du es zurückgezogen hast, bleibt.</translation>
    </message>
    <message>
        <source>Review before signing</source>
        <translation>Vor dem Unterschreiben prüfen</translation>
    </message>
    <message>
        <source>Exactly what {partner} will read</source>
        <translation>Genau das, was {partner} lesen wird</translation>
    </message>
    <message>
        <source>Back to edit</source>
        <translation>Zurück zum Bearbeiten</translation>
    </message>
</context>
<context>
    <name>ProposeDialog</name>
    <message>
        <source>Propose a new version</source>
        <translation>Eine neue Fassung vorschlagen</translation>
    </message>
    <message>
        <source>What changed and why</source>
        <translation>Was sich geändert hat und warum</translation>
    </message>
    <message>
        <source>What changed and why (optional)</source>
        <translation>Was sich geändert hat und warum (freiwillig)</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Anmerkung</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Propose this version</source>
        <translation>Diese Fassung vorschlagen</translation>
    </message>
    <message>
        <source>Your partner sees the changes word by word and acknowledges them. Until then the version before stays in force.</source>
        <translation>Dein Gegenüber sieht die Änderungen Wort für Wort und bestätigt sie. Bis dahin gilt die vorige Fassung weiter.</translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <source>Reset your passphrase</source>
        <translation>Deine Passphrase zurücksetzen</translation>
    </message>
    <message>
        <source>Recovery code</source>
        <translation>Wiederherstellungscode</translation>
    </message>
    <message>
        <source>Resetting</source>
        <translation>Wird zurückgesetzt</translation>
    </message>
    <message>
        <source>Reset message</source>
        <translation>Meldung zum Zurücksetzen</translation>
    </message>
    <message>
        <source>Set new passphrase</source>
        <translation>Neue Passphrase festlegen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Reset {who}&apos;s passphrase</source>
        <translation>Passphrase von {who} zurücksetzen</translation>
    </message>
    <message>
        <source>Type the recovery code from your recovery sheet. Letters or digits that look alike (O and 0, I and 1) are read the same way.</source>
        <translation>Gib den Wiederherstellungscode von deinem Wiederherstellungsblatt ein. Buchstaben und Ziffern, die sich ähneln (O und 0, I und 1), werden gleich gelesen.</translation>
    </message>
    <message>
        <source>Your new recovery code</source>
        <translation>Dein neuer Wiederherstellungscode</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Drucken…</translation>
    </message>
    <message>
        <source>Print the new recovery sheet</source>
        <translation>Das neue Wiederherstellungsblatt drucken</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>Als PDF speichern…</translation>
    </message>
    <message>
        <source>Save the new recovery sheet</source>
        <translation>Das neue Wiederherstellungsblatt speichern</translation>
    </message>
    <message>
        <source>Open my journal</source>
        <translation>Mein Tagebuch öffnen</translation>
    </message>
    <message>
        <source>Your new passphrase is set</source>
        <translation>Deine neue Passphrase ist gesetzt</translation>
    </message>
    <message>
        <source>The old recovery code no longer works. This is your new one; it is shown only now. Print it or save it before you go on.</source>
        <translation>Der alte Wiederherstellungscode funktioniert nicht mehr. Das ist dein neuer; er wird nur jetzt gezeigt. Druck ihn aus oder speichere ihn, bevor du weitermachst.</translation>
    </message>
    <message>
        <source>Your new recovery code: {code}</source>
        <translation>Dein neuer Wiederherstellungscode: {code}</translation>
    </message>
</context>
<context>
    <name>ReminderDialog</name>
    <message>
        <source>Reminders</source>
        <translation>Erinnerungen</translation>
    </message>
    <message>
        <source>Daily check-in</source>
        <translation>Täglicher Check-in</translation>
    </message>
    <message>
        <source>Daily check-in time</source>
        <translation>Uhrzeit des täglichen Check-ins</translation>
    </message>
    <message>
        <source>Weekly review</source>
        <translation>Wochenrückblick</translation>
    </message>
    <message>
        <source>Weekly review day</source>
        <translation>Tag des Wochenrückblicks</translation>
    </message>
    <message>
        <source>Weekly review time</source>
        <translation>Uhrzeit des Wochenrückblicks</translation>
    </message>
    <message>
        <source>Monthly review</source>
        <translation>Monatsrückblick</translation>
    </message>
    <message>
        <source>Monthly review day of the month</source>
        <translation>Tag im Monat für den Monatsrückblick</translation>
    </message>
    <message>
        <source>Monthly review time</source>
        <translation>Uhrzeit des Monatsrückblicks</translation>
    </message>
    <message>
        <source>Commitments to check off</source>
        <translation>Zusagen zum Abhaken</translation>
    </message>
    <message>
        <source>Check-off time</source>
        <translation>Uhrzeit zum Abhaken</translation>
    </message>
    <message>
        <source>Revisit the agreement every so many weeks</source>
        <translation>Die Vereinbarung alle paar Wochen wieder ansehen</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source> weeks</source>
        <translation> Wochen</translation>
    </message>
    <message>
        <source>Keep Twofold in the tray when the window is closed (locked), so reminders arrive</source>
        <translation>Twofold im Infobereich behalten, wenn das Fenster geschlossen ist (gesperrt), damit Erinnerungen ankommen</translation>
    </message>
    <message>
        <source>Start Twofold in the tray when I log in</source>
        <translation>Twofold bei meiner Anmeldung im Infobereich starten</translation>
    </message>
    <message>
        <source>The installer sets this up on Windows and macOS.</source>
        <translation>Unter Windows und macOS richtet das Installationsprogramm das ein.</translation>
    </message>
    <message>
        <source>Revisit the agreement every</source>
        <translation>Die Vereinbarung wieder ansehen alle</translation>
    </message>
    <message>
        <source>Reminders arrive even while Twofold is locked. They never show anything you wrote: only “Time for your daily check-in” and the like. To do that, the kinds and times below are stored on this computer unencrypted — nothing else.</source>
        <translation>Erinnerungen kommen auch, während Twofold gesperrt ist. Sie zeigen nie etwas, das du geschrieben hast: nur „Zeit für deinen täglichen Check-in“ und Ähnliches. Dafür werden die Arten und Uhrzeiten unten unverschlüsselt auf diesem Computer gespeichert – sonst nichts.</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <source>Report for a therapist</source>
        <translation>Bericht für die Therapie</translation>
    </message>
    <message>
        <source>First day</source>
        <translation>Erster Tag</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>Letzter Tag</translation>
    </message>
    <message>
        <source>dd MMM yyyy</source>
        <translation>d. MMM yyyy</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>What to include</source>
        <translation>Was hinein soll</translation>
    </message>
    <message>
        <source>Your private entries to include</source>
        <translation>Deine privaten Einträge, die hinein sollen</translation>
    </message>
    <message>
        <source>Your own private entries (none unless you tick them)</source>
        <translation>Deine eigenen privaten Einträge (keine, außer du hakst sie an)</translation>
    </message>
    <message>
        <source>Private entries can be added only by their author, unlocked with their own passphrase. This is a shared session.</source>
        <translation>Private Einträge kann nur die Person hinzufügen, die sie geschrieben hat, entsperrt mit der eigenen Passphrase. Das hier ist eine gemeinsame Sitzung.</translation>
    </message>
    <message>
        <source>%s&apos;s passphrase</source>
        <translation>Passphrase von %s</translation>
    </message>
    <message>
        <source>%s types their own passphrase</source>
        <translation>%s gibt die eigene Passphrase ein</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Bis</translation>
    </message>
    <message>
        <source>%s agrees</source>
        <translation>%s ist einverstanden</translation>
    </message>
    <message>
        <source>Making the report</source>
        <translation>Der Bericht wird erstellt</translation>
    </message>
    <message>
        <source>Report status</source>
        <translation>Stand des Berichts</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>Speichern unter…</translation>
    </message>
    <message>
        <source>Save the report</source>
        <translation>Den Bericht speichern</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>A report of your shared history for someone you both trust. Both of you sign it: %s confirms with their own passphrase, and the export is written to the ledger you both see (what, which range, which format).</source>
        <translation>Ein Bericht über eure gemeinsame Geschichte für jemanden, dem ihr beide vertraut. Ihr unterschreibt ihn beide: %s bestätigt mit der eigenen Passphrase, und der Export wird in der Chronik vermerkt, die ihr beide seht (was, welcher Zeitraum, welches Format).</translation>
    </message>
    <message>
        <source>A report of your shared history. %s left the vault on %s, so no second signature is possible: you make it alone, and the report and its ledger event say so. Nothing from %s&apos;s private journal is in it.</source>
        <translation>Ein Bericht über eure gemeinsame Geschichte. %s hat den Tresor am %s verlassen, daher ist keine zweite Unterschrift möglich: Du erstellst ihn allein, und der Bericht und sein Eintrag in der Chronik sagen das auch. Nichts aus dem privaten Tagebuch von %s ist darin.</translation>
    </message>
    <message>
        <source>The saved file is NOT encrypted: anyone who can open it can read it. Keep it safe and delete it when it is no longer needed.</source>
        <translation>Die gespeicherte Datei ist NICHT verschlüsselt: Wer sie öffnen kann, kann sie lesen. Bewahr sie sicher auf und lösch sie, wenn sie nicht mehr gebraucht wird.</translation>
    </message>
    <message>
        <source>No report can be made now: the shared ledger does not match what you both signed (%s). A report could carry words neither of you wrote. The timeline&apos;s banner and &apos;twofold verify&apos; say what changed; restore shared.db from a backup first.</source>
        <translation>Jetzt kann kein Bericht erstellt werden: Die gemeinsame Chronik stimmt nicht mit dem überein, was ihr beide unterschrieben habt (%s). Ein Bericht könnte Worte enthalten, die keiner von euch geschrieben hat. Das Banner der Zeitleiste und „twofold verify“ nennen, was geändert wurde; stellt zuerst shared.db aus einer Sicherung wieder her.</translation>
    </message>
    <message>
        <source>Save the report (not encrypted)</source>
        <translation>Den Bericht speichern (nicht verschlüsselt)</translation>
    </message>
    <message>
        <source>Checking the shared ledger against your signatures, then making the report…</source>
        <translation>Die gemeinsame Chronik wird mit euren Unterschriften verglichen, dann wird der Bericht erstellt …</translation>
    </message>
    <message>
        <source>Checking %s&apos;s passphrase and the shared ledger against your signatures, then making the report…</source>
        <translation>Die Passphrase von %s und die gemeinsame Chronik werden mit euren Unterschriften geprüft, dann wird der Bericht erstellt …</translation>
    </message>
    <message>
        <source>Saved to %s. It is not encrypted. The export is on your shared timeline, signed by both of you.</source>
        <translation>Gespeichert unter %s. Die Datei ist nicht verschlüsselt. Der Export steht auf eurer gemeinsamen Zeitleiste, von euch beiden unterschrieben.</translation>
    </message>
    <message>
        <source>Saved to %s. It is not encrypted. The export is on your shared timeline, made by you alone after %s left.</source>
        <translation>Gespeichert unter %s. Die Datei ist nicht verschlüsselt. Der Export steht auf eurer gemeinsamen Zeitleiste, von dir allein erstellt, nachdem %s gegangen ist.</translation>
    </message>
</context>
<context>
    <name>RolesDialog</name>
    <message>
        <source>Who was hurt, and our pace</source>
        <translation>Wer verletzt wurde, und unser Tempo</translation>
    </message>
    <message>
        <source>Agree</source>
        <translation>Zustimmen</translation>
    </message>
    <message>
        <source>Agree to your partner&apos;s proposal</source>
        <translation>Dem Vorschlag deines Gegenübers zustimmen</translation>
    </message>
    <message>
        <source>Say who was hurt (both of you sign)</source>
        <translation>Sagen, wer verletzt wurde (ihr unterschreibt beide)</translation>
    </message>
    <message>
        <source>{who} was hurt</source>
        <translation>{who} wurde verletzt</translation>
    </message>
    <message>
        <source>Who was hurt</source>
        <translation>Wer verletzt wurde</translation>
    </message>
    <message>
        <source>In your own words</source>
        <translation>In euren eigenen Worten</translation>
    </message>
    <message>
        <source>Optional; or leave everything empty: not said</source>
        <translation>Freiwillig; oder alles leer lassen: nicht ausgesprochen</translation>
    </message>
    <message>
        <source>In our words</source>
        <translation>In unseren Worten</translation>
    </message>
    <message>
        <source>Your partner&apos;s passphrase</source>
        <translation>Die Passphrase deines Gegenübers</translation>
    </message>
    <message>
        <source>{other}, if you are here, to agree now (optional)</source>
        <translation>{other}, wenn du da bist, um jetzt zuzustimmen (freiwillig)</translation>
    </message>
    <message>
        <source>{other} agrees</source>
        <translation>{other} stimmt zu</translation>
    </message>
    <message>
        <source>Propose</source>
        <translation>Vorschlagen</translation>
    </message>
    <message>
        <source>Our pace</source>
        <translation>Unser Tempo</translation>
    </message>
    <message>
        <source>Weekly review every</source>
        <translation>Wochenrückblick alle</translation>
    </message>
    <message>
        <source>week</source>
        <translation>Woche</translation>
    </message>
    <message>
        <source>{n} weeks</source>
        <translation>{n} Wochen</translation>
    </message>
    <message>
        <source>First on the agenda</source>
        <translation>Als Erstes bei den Themen</translation>
    </message>
    <message>
        <source>After requests to talk, first</source>
        <translation>Nach den Bitten um ein Gespräch zuerst</translation>
    </message>
    <message>
        <source>Set our pace</source>
        <translation>Unser Tempo festlegen</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>You may say who was hurt, in words you both choose, or not at all. Where one of you is named, the pace of your reviews and what comes first in a joint session follow that partner&apos;s choice. Twofold never labels a person.</source>
        <translation>Ihr könnt sagen, wer verletzt wurde – in Worten, die ihr beide wählt – oder gar nicht. Wenn eine oder einer von euch genannt ist, richten sich das Tempo eurer Rückblicke und was in einer gemeinsamen Sitzung zuerst kommt nach der Wahl dieser Person. Twofold gibt niemandem ein Etikett.</translation>
    </message>
    <message>
        <source>Agreed: {names} was hurt.</source>
        <translation>Vereinbart: {names} wurde verletzt.</translation>
    </message>
    <message>
        <source>Nothing said about who was hurt.</source>
        <translation>Nichts dazu gesagt, wer verletzt wurde.</translation>
    </message>
    <message>
        <source>In your words: “{w}”</source>
        <translation>In euren Worten: „{w}“</translation>
    </message>
    <message>
        <source>nobody named</source>
        <translation>niemand genannt</translation>
    </message>
    <message>
        <source>{who} proposes: {said}</source>
        <translation>{who} schlägt vor: {said}</translation>
    </message>
    <message>
        <source>The pace follows {who}&apos;s choice, as you agreed.</source>
        <translation>Das Tempo richtet sich nach der Wahl von {who}, wie ihr es vereinbart habt.</translation>
    </message>
    <message>
        <source>Proposed. It holds once {other} agrees.</source>
        <translation>Vorgeschlagen. Es gilt, sobald {other} zustimmt.</translation>
    </message>
    <message>
        <source>The pace is set.</source>
        <translation>Das Tempo ist festgelegt.</translation>
    </message>
</context>
<context>
    <name>RolesPage</name>
    <message>
        <source>Who was hurt (optional)</source>
        <translation>Wer verletzt wurde (freiwillig)</translation>
    </message>
    <message>
        <source>You may say who was hurt, in words you both choose, or leave it unsaid. Where one of you is named, the pace of your reviews and what comes first in a joint session follow that partner&apos;s choice. Twofold never labels a person, and you can change this later in Settings, together.</source>
        <translation>Ihr könnt sagen, wer verletzt wurde – in Worten, die ihr beide wählt – oder es ungesagt lassen. Wenn eine oder einer von euch genannt ist, richten sich das Tempo eurer Rückblicke und was in einer gemeinsamen Sitzung zuerst kommt nach der Wahl dieser Person. Twofold gibt niemandem ein Etikett, und ihr könnt das später gemeinsam in den Einstellungen ändern.</translation>
    </message>
    <message>
        <source>In your own words</source>
        <translation>In euren eigenen Worten</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>Freiwillig</translation>
    </message>
    <message>
        <source>{who} was hurt</source>
        <translation>{who} wurde verletzt</translation>
    </message>
</context>
<context>
    <name>SafetyPlanDialog</name>
    <message>
        <source>Off by default. With it on, a plain-text copy of this plan (the pause rule, who to call and what each of you wrote for when you are overwhelmed) stays in the vault folder, readable from the locked screen with F1, and by anyone who can open this computer&apos;s files. Your journal and the rest of the ledger stay encrypted.</source>
        <translation>Standardmäßig aus. Ist es an, bleibt eine unverschlüsselte Textkopie dieses Plans (die Pausenregel, wen ihr anrufen könnt und was jede und jeder von euch für den Fall der Überforderung geschrieben hat) im Tresor-Ordner – lesbar auf dem gesperrten Bildschirm mit F1 und für alle, die die Dateien dieses Computers öffnen können. Dein Tagebuch und der Rest der Chronik bleiben verschlüsselt.</translation>
    </message>
    <message>
        <source>Safety plan</source>
        <translation>Sicherheitsplan</translation>
    </message>
    <message>
        <source>The pause rule</source>
        <translation>Die Pausenregel</translation>
    </message>
    <message>
        <source>What {label} does when overwhelmed</source>
        <translation>Was {label} tut, wenn es zu viel wird</translation>
    </message>
    <message>
        <source>e.g. I say “pause”, walk for 20 minutes, then text when I&apos;m back</source>
        <translation>z. B. ich sage „Pause“, gehe 20 Minuten spazieren und schreibe dir, wenn ich zurück bin</translation>
    </message>
    <message>
        <source>When {label} is overwhelmed</source>
        <translation>Wenn es {label} zu viel wird</translation>
    </message>
    <message>
        <source>Who to call</source>
        <translation>Wen wir anrufen können</translation>
    </message>
    <message>
        <source>A friend, your therapist, a crisis line</source>
        <translation>Eine Freundin oder ein Freund, eure Therapeutin oder euer Therapeut, ein Krisentelefon</translation>
    </message>
    <message>
        <source>Keep a copy readable without unlocking</source>
        <translation>Eine Kopie ohne Entsperren lesbar halten</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>What you both agreed to do when a conversation becomes too much. Saving it signs a new version into the shared ledger.</source>
        <translation>Was ihr beide vereinbart habt für den Fall, dass ein Gespräch zu viel wird. Beim Speichern wird eine neue Fassung in die gemeinsame Chronik unterschrieben.</translation>
    </message>
</context>
<context>
    <name>SearchDelegate</name>
    <message>
        <source>Private</source>
        <translation>Privat</translation>
    </message>
    <message>
        <source>Shared by {author_label}</source>
        <translation>Geteilt von {author_label}</translation>
    </message>
</context>
<context>
    <name>SetbacksPage</name>
    <message>
        <source>Setbacks</source>
        <translation>Rückschläge</translation>
    </message>
    <message>
        <source>The setback and its repair</source>
        <translation>Der Rückschlag und seine Wiedergutmachung</translation>
    </message>
    <message>
        <source>Log a setback…</source>
        <translation>Rückschlag festhalten…</translation>
    </message>
    <message>
        <source>Log a setback</source>
        <translation>Einen Rückschlag festhalten</translation>
    </message>
    <message>
        <source>Acknowledge…</source>
        <translation>Anerkennen…</translation>
    </message>
    <message>
        <source>Take the next repair step</source>
        <translation>Den nächsten Schritt der Wiedergutmachung gehen</translation>
    </message>
    <message>
        <source>Add a counter-measure…</source>
        <translation>Gegenmaßnahme hinzufügen…</translation>
    </message>
    <message>
        <source>Add a counter-measure</source>
        <translation>Eine Gegenmaßnahme hinzufügen</translation>
    </message>
    <message>
        <source>Make it a commitment…</source>
        <translation>Als Zusage vorschlagen…</translation>
    </message>
    <message>
        <source>Propose the counter-measure as a commitment</source>
        <translation>Die Gegenmaßnahme als Zusage vorschlagen</translation>
    </message>
    <message>
        <source>Add it to the agreement…</source>
        <translation>In die Vereinbarung aufnehmen…</translation>
    </message>
    <message>
        <source>Propose the counter-measure as an agreement change</source>
        <translation>Die Gegenmaßnahme als Änderung der Vereinbarung vorschlagen</translation>
    </message>
    <message>
        <source>open</source>
        <translation>offen</translation>
    </message>
    <message>
        <source>restored</source>
        <translation>wiederhergestellt</translation>
    </message>
    <message>
        <source>(withdrawn by its author)</source>
        <translation>(von der Person zurückgezogen, die es geschrieben hat)</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;i&gt;No setbacks logged. When one happens, log it here as data: what happened, the trigger, the impact.&lt;/i&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;i&gt;Keine Rückschläge festgehalten. Wenn einer passiert, haltet ihn hier als Information fest: was passiert ist, der Auslöser, die Wirkung.&lt;/i&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Logged by&lt;/b&gt; {who}, {when}&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Festgehalten von&lt;/b&gt; {who}, {when}&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Trigger:&lt;/b&gt; {trigger}&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Auslöser:&lt;/b&gt; {trigger}&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Impact:&lt;/b&gt; {impact}&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Wirkung:&lt;/b&gt; {impact}&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h4&gt;Repair&lt;/h4&gt;&lt;ol&gt;</source>
        <translation>&lt;h4&gt;Wiedergutmachung&lt;/h4&gt;&lt;ol&gt;</translation>
    </message>
    <message>
        <source>&lt;li&gt;&lt;b&gt;{label}&lt;/b&gt; by {who}, {when}. {note}&lt;/li&gt;</source>
        <translation>&lt;li&gt;&lt;b&gt;{label}&lt;/b&gt; von {who}, {when}. {note}&lt;/li&gt;</translation>
    </message>
    <message>
        <source>&lt;li&gt;&lt;i&gt;{step}: not yet&lt;/i&gt;&lt;/li&gt;</source>
        <translation>&lt;li&gt;&lt;i&gt;{step}: noch nicht&lt;/i&gt;&lt;/li&gt;</translation>
    </message>
    <message>
        <source>&lt;h4&gt;Counter-measures&lt;/h4&gt;&lt;ul&gt;</source>
        <translation>&lt;h4&gt;Gegenmaßnahmen&lt;/h4&gt;&lt;ul&gt;</translation>
    </message>
    <message>
        <source>Restored</source>
        <translation>Wiederhergestellt</translation>
    </message>
    <message>
        <source>The setback you log</source>
        <translation>Der Rückschlag, den du festhältst</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Was passiert ist</translation>
    </message>
    <message>
        <source>Trigger</source>
        <translation>Auslöser</translation>
    </message>
    <message>
        <source>Impact</source>
        <translation>Wirkung</translation>
    </message>
    <message>
        <source>Sign and log it</source>
        <translation>Unterschreiben und festhalten</translation>
    </message>
    <message>
        <source>What was done? (optional)</source>
        <translation>Was wurde getan? (freiwillig)</translation>
    </message>
    <message>
        <source>Review…</source>
        <translation>Prüfen…</translation>
    </message>
    <message>
        <source>{step}: {what}</source>
        <translation>{step}: {what}</translation>
    </message>
    <message>
        <source>What was done</source>
        <translation>Was getan wurde</translation>
    </message>
    <message>
        <source>Sign: {step}</source>
        <translation>Unterschreiben: {step}</translation>
    </message>
    <message>
        <source>Counter-measure</source>
        <translation>Gegenmaßnahme</translation>
    </message>
    <message>
        <source>What will make this less likely?</source>
        <translation>Was macht das weniger wahrscheinlich?</translation>
    </message>
    <message>
        <source>A counter-measure for: {what}</source>
        <translation>Eine Gegenmaßnahme zu: {what}</translation>
    </message>
    <message>
        <source>Sign and add it</source>
        <translation>Unterschreiben und hinzufügen</translation>
    </message>
    <message>
        <source>After the setback: {what}</source>
        <translation>Nach dem Rückschlag: {what}</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Lock after this many idle minutes</source>
        <translation>Nach so vielen Minuten ohne Aktivität sperren</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Erscheinungsbild</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Wie das System</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <source>Privacy</source>
        <translation>Privatsphäre</translation>
    </message>
    <message>
        <source>Lock when idle for</source>
        <translation>Sperren nach Inaktivität von</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Wie das System</translation>
    </message>
    <message>
        <source>Change passphrase…</source>
        <translation>Passphrase ändern…</translation>
    </message>
    <message>
        <source>Change your passphrase</source>
        <translation>Deine Passphrase ändern</translation>
    </message>
    <message>
        <source>Renew recovery code…</source>
        <translation>Wiederherstellungscode erneuern…</translation>
    </message>
    <message>
        <source>Renew your recovery code</source>
        <translation>Deinen Wiederherstellungscode erneuern</translation>
    </message>
    <message>
        <source>Your keys</source>
        <translation>Deine Schlüssel</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>Sicherungen</translation>
    </message>
    <message>
        <source>Unlock to see</source>
        <translation>Zum Ansehen entsperren</translation>
    </message>
    <message>
        <source>Daily backups folder</source>
        <translation>Ordner für tägliche Sicherungen</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Auswählen…</translation>
    </message>
    <message>
        <source>Choose the daily backups folder</source>
        <translation>Den Ordner für tägliche Sicherungen auswählen</translation>
    </message>
    <message>
        <source>Daily backups (last 10 kept)</source>
        <translation>Tägliche Sicherungen (die letzten 10 bleiben)</translation>
    </message>
    <message>
        <source>Each of you can change the backup folder when unlocked alone; the other is told at their next unlock.</source>
        <translation>Jede und jeder von euch kann den Sicherungsordner ändern, allein entsperrt; die andere Person erfährt es beim nächsten Entsperren.</translation>
    </message>
    <message>
        <source>Whose backup folder</source>
        <translation>Wessen Sicherungsordner</translation>
    </message>
    <message>
        <source>Back up now…</source>
        <translation>Jetzt sichern…</translation>
    </message>
    <message>
        <source>Back up now to a file</source>
        <translation>Jetzt in eine Datei sichern</translation>
    </message>
    <message>
        <source>Restore a backup…</source>
        <translation>Sicherung wiederherstellen…</translation>
    </message>
    <message>
        <source>Restore a backup into a new folder</source>
        <translation>Eine Sicherung in einen neuen Ordner wiederherstellen</translation>
    </message>
    <message>
        <source>Backup progress</source>
        <translation>Fortschritt der Sicherung</translation>
    </message>
    <message>
        <source>Backup status</source>
        <translation>Stand der Sicherung</translation>
    </message>
    <message>
        <source>Vault</source>
        <translation>Tresor</translation>
    </message>
    <message>
        <source>Vault folder</source>
        <translation>Tresor-Ordner</translation>
    </message>
    <message>
        <source>Show in file manager</source>
        <translation>Im Dateimanager zeigen</translation>
    </message>
    <message>
        <source>Show the vault folder</source>
        <translation>Den Tresor-Ordner zeigen</translation>
    </message>
    <message>
        <source>Use another vault next time…</source>
        <translation>Beim nächsten Mal einen anderen Tresor verwenden…</translation>
    </message>
    <message>
        <source>Choose the vault used at next start</source>
        <translation>Den Tresor für den nächsten Start auswählen</translation>
    </message>
    <message>
        <source>Lives in</source>
        <translation>Liegt in</translation>
    </message>
    <message>
        <source>Together</source>
        <translation>Miteinander</translation>
    </message>
    <message>
        <source>Who was hurt, and our pace…</source>
        <translation>Wer verletzt wurde, und unser Tempo…</translation>
    </message>
    <message>
        <source>Who was hurt, and our pace</source>
        <translation>Wer verletzt wurde, und unser Tempo</translation>
    </message>
    <message>
        <source>The new language applies when Twofold next starts.</source>
        <translation>Die neue Sprache gilt ab dem nächsten Start von Twofold.</translation>
    </message>
    <message>
        <source>Your passphrase was changed. Use the new one from now on.</source>
        <translation>Deine Passphrase wurde geändert. Verwende ab jetzt die neue.</translation>
    </message>
    <message>
        <source>Your recovery code was renewed; the old one no longer works.</source>
        <translation>Dein Wiederherstellungscode wurde erneuert; der alte funktioniert nicht mehr.</translation>
    </message>
    <message>
        <source>Where should daily backups go?</source>
        <translation>Wohin sollen die täglichen Sicherungen?</translation>
    </message>
    <message>
        <source>The backup folder was not changed</source>
        <translation>Der Sicherungsordner wurde nicht geändert</translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation>Wird gesichert…</translation>
    </message>
    <message>
        <source>Backup written and checked: {path}</source>
        <translation>Sicherung geschrieben und geprüft: {path}</translation>
    </message>
    <message>
        <source>Back up to</source>
        <translation>Sichern nach</translation>
    </message>
    <message>
        <source>Twofold.twofold-backup</source>
        <translation>Twofold.twofold-backup</translation>
    </message>
    <message>
        <source>Twofold backup (*.twofold-backup)</source>
        <translation>Twofold-Sicherung (*.twofold-backup)</translation>
    </message>
    <message>
        <source>Restoring…</source>
        <translation>Wird wiederhergestellt…</translation>
    </message>
    <message>
        <source>Restored into {into}. Choose “Use another vault next time…” to open it.</source>
        <translation>Wiederhergestellt in {into}. Wähl „Beim nächsten Mal einen anderen Tresor verwenden…“, um ihn zu öffnen.</translation>
    </message>
    <message>
        <source>Restore which backup?</source>
        <translation>Welche Sicherung wiederherstellen?</translation>
    </message>
    <message>
        <source>Restore into a new folder inside…</source>
        <translation>In einen neuen Ordner wiederherstellen, innerhalb von…</translation>
    </message>
    <message>
        <source>Restored {value}</source>
        <translation>Wiederhergestellt {value}</translation>
    </message>
    <message>
        <source>Which vault folder should Twofold open next time?</source>
        <translation>Welchen Tresor-Ordner soll Twofold beim nächsten Mal öffnen?</translation>
    </message>
    <message>
        <source>Twofold will open {chosen} at next start.</source>
        <translation>Twofold öffnet beim nächsten Start {chosen}.</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Your private journal&lt;/b&gt; is yours alone. Your partner cannot open it, search it, or see when you wrote or what you plan to share. Not even Twofold can, without your passphrase or your recovery code.&lt;/p&gt;&lt;p&gt;&lt;b&gt;The shared ledger&lt;/b&gt; holds only what you both choose to put there: the reflections you decide to share, in the version you write for your partner. Every shared item is signed by its author, and you can retract what you shared.&lt;/p&gt;&lt;p&gt;&lt;b&gt;What anyone with this computer can see&lt;/b&gt;: your two display names (the unlock screen shows them, so a nickname or an initial is fine), and the size of the files. Nothing is ever sent over a network.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Dein privates Tagebuch&lt;/b&gt; gehört nur dir. Dein Gegenüber kann es nicht öffnen, nicht durchsuchen und nicht sehen, wann du geschrieben hast oder was du teilen möchtest. Nicht einmal Twofold kann das – ohne deine Passphrase oder deinen Wiederherstellungscode.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Die gemeinsame Chronik&lt;/b&gt; enthält nur, was ihr beide hineinlegen wollt: die Reflexionen, die du teilen möchtest, in der Fassung, die du für dein Gegenüber schreibst. Alles Geteilte ist von der Person unterschrieben, die es geschrieben hat, und du kannst zurückziehen, was du geteilt hast.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Was alle mit Zugang zu diesem Computer sehen können&lt;/b&gt;: eure beiden Anzeigenamen (der Entsperr-Bildschirm zeigt sie, ein Spitzname oder ein Anfangsbuchstabe genügt also) und die Größe der Dateien. Nichts wird je über ein Netzwerk gesendet.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>If you forget your passphrase &lt;b&gt;and&lt;/b&gt; lose your recovery code, your private journal is gone for good: nobody can open it. The shared ledger stays open to your partner.</source>
        <translation>Wenn du deine Passphrase vergisst &lt;b&gt;und&lt;/b&gt; deinen Wiederherstellungscode verlierst, ist dein privates Tagebuch für immer verloren: Niemand kann es öffnen. Die gemeinsame Chronik bleibt für dein Gegenüber offen.</translation>
    </message>
    <message>
        <source>Set up Twofold</source>
        <translation>Twofold einrichten</translation>
    </message>
    <message>
        <source>Create the vault</source>
        <translation>Den Tresor anlegen</translation>
    </message>
</context>
<context>
    <name>SignedReviewDialog</name>
    <message>
        <source>Summary</source>
        <translation>Zusammenfassung</translation>
    </message>
    <message>
        <source>Signed by you, {signer}. {partner} will read it.</source>
        <translation>Unterschrieben von dir, {signer}. {partner} wird es lesen.</translation>
    </message>
    <message>
        <source>Signed by you, {signer}.</source>
        <translation>Unterschrieben von dir, {signer}.</translation>
    </message>
    <message>
        <source>Who signs it</source>
        <translation>Wer unterschreibt</translation>
    </message>
</context>
<context>
    <name>StartDialog</name>
    <message>
        <source>Start a joint session</source>
        <translation>Eine gemeinsame Sitzung beginnen</translation>
    </message>
    <message>
        <source>Kind of session</source>
        <translation>Art der Sitzung</translation>
    </message>
    <message>
        <source>{other}&apos;s passphrase</source>
        <translation>Passphrase von {other}</translation>
    </message>
    <message>
        <source>Starting</source>
        <translation>Wird begonnen</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Sitzung</translation>
    </message>
    <message>
        <source>{other}, your passphrase</source>
        <translation>{other}, deine Passphrase</translation>
    </message>
    <message>
        <source>Start together</source>
        <translation>Gemeinsam beginnen</translation>
    </message>
    <message>
        <source>A joint session starts when you are both here. {partner_label} is signed in; {other} confirms by typing their passphrase. Both signatures go into the shared ledger.</source>
        <translation>Eine gemeinsame Sitzung beginnt, wenn ihr beide da seid. {partner_label} ist angemeldet; {other} bestätigt mit der eigenen Passphrase. Beide Unterschriften kommen in die gemeinsame Chronik.</translation>
    </message>
</context>
<context>
    <name>TalkDialog</name>
    <message>
        <source>We need to talk</source>
        <translation>Wir müssen reden</translation>
    </message>
    <message>
        <source>A boundary feels strained</source>
        <translation>Eine Grenze fühlt sich angespannt an</translation>
    </message>
    <message>
        <source>I&apos;d like us to talk about …</source>
        <translation>Ich würde gern mit dir reden über …</translation>
    </message>
    <message>
        <source>I&apos;d like us to talk</source>
        <translation>Ich würde gern mit dir reden</translation>
    </message>
    <message>
        <source>Which boundary</source>
        <translation>Welche Grenze</translation>
    </message>
    <message>
        <source>(not one in particular)</source>
        <translation>(keine bestimmte)</translation>
    </message>
    <message>
        <source>In a few words (optional)</source>
        <translation>In ein paar Worten (freiwillig)</translation>
    </message>
    <message>
        <source>In a few words (optional for a boundary)</source>
        <translation>In ein paar Worten (bei einer Grenze freiwillig)</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Senden</translation>
    </message>
    <message>
        <source>Send the request</source>
        <translation>Die Bitte senden</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Answer…</source>
        <translation>Antworten…</translation>
    </message>
    <message>
        <source>Answer your partner&apos;s request</source>
        <translation>Auf die Bitte deines Gegenübers antworten</translation>
    </message>
    <message>
        <source>Your partner sees it on the shared timeline, and it leads the agenda of your next joint session. It is signed by you; nobody can send one in your name.</source>
        <translation>Dein Gegenüber sieht sie auf der gemeinsamen Zeitleiste, und sie steht bei eurer nächsten gemeinsamen Sitzung ganz oben. Sie ist von dir unterschrieben; niemand kann in deinem Namen eine senden.</translation>
    </message>
    <message>
        <source>Open requests</source>
        <translation>Offene Bitten</translation>
    </message>
    <message>
        <source>None open.</source>
        <translation>Keine offen.</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Antworten</translation>
    </message>
    <message>
        <source>Your answer (e.g. “Heard — let&apos;s talk Thursday”):</source>
        <translation>Deine Antwort (z. B. „Gehört – lass uns am Donnerstag reden“):</translation>
    </message>
    <message>
        <source>Review…</source>
        <translation>Prüfen…</translation>
    </message>
    <message>
        <source>Heard — let&apos;s talk </source>
        <translation>Gehört – lass uns reden </translation>
    </message>
    <message>
        <source>Your answer</source>
        <translation>Deine Antwort</translation>
    </message>
    <message>
        <source>Sign and send it</source>
        <translation>Unterschreiben und senden</translation>
    </message>
</context>
<context>
    <name>Timeline</name>
    <message>
        <source>Withdrew something they had written; its words are gone.</source>
        <translation>Hat etwas Geschriebenes zurückgezogen; die Worte sind weg.</translation>
    </message>
    <message>
        <source>Agreed to what was said about who was hurt.</source>
        <translation>Hat dem zugestimmt, was dazu gesagt wurde, wer verletzt wurde.</translation>
    </message>
    <message>
        <source>I&apos;d like us to talk about …</source>
        <translation>Ich würde gern mit dir reden über …</translation>
    </message>
    <message>
        <source>Agreed to the session&apos;s summary.</source>
        <translation>Hat der Zusammenfassung der Sitzung zugestimmt.</translation>
    </message>
    <message>
        <source>Proposed to leave unsaid who was hurt.</source>
        <translation>Hat vorgeschlagen, ungesagt zu lassen, wer verletzt wurde.</translation>
    </message>
    <message>
        <source>The pace: reviews every week.</source>
        <translation>Das Tempo: Rückblicke jede Woche.</translation>
    </message>
    <message>
        <source>A boundary feels strained</source>
        <translation>Eine Grenze fühlt sich angespannt an</translation>
    </message>
    <message>
        <source>Accepted: {title}</source>
        <translation>Angenommen: {title}</translation>
    </message>
    <message>
        <source>Declined: {title}</source>
        <translation>Abgelehnt: {title}</translation>
    </message>
    <message>
        <source>Concern about a check-off: {text}</source>
        <translation>Anliegen zu einem Abhaken: {text}</translation>
    </message>
    <message>
        <source>New terms accepted: “{old}” is now “{title}”</source>
        <translation>Neue Bedingungen angenommen: Aus „{old}“ wird „{title}“</translation>
    </message>
    <message>
        <source>New terms declined: “{old}” stays as it was</source>
        <translation>Neue Bedingungen abgelehnt: „{old}“ bleibt, wie es war</translation>
    </message>
    <message>
        <source>{title}: answered, sealed until you have both answered.</source>
        <translation>{title}: beantwortet, versiegelt, bis ihr beide geantwortet habt.</translation>
    </message>
    <message>
        <source>The pace: reviews every {n} weeks.</source>
        <translation>Das Tempo: Rückblicke alle {n} Wochen.</translation>
    </message>
    <message>
        <source>Answered a request: {words}</source>
        <translation>Hat auf eine Bitte geantwortet: {words}</translation>
    </message>
    <message>
        <source>New terms proposed for “{old}”: {terms}</source>
        <translation>Neue Bedingungen vorgeschlagen für „{old}“: {terms}</translation>
    </message>
    <message>
        <source>Proposed: waiting for {names} to accept.</source>
        <translation>Vorgeschlagen: wartet darauf, dass {names} annimmt.</translation>
    </message>
    <message>
        <source>Proposed to say that {name} was hurt.</source>
        <translation>Hat vorgeschlagen zu sagen, dass {name} verletzt wurde.</translation>
    </message>
    <message>
        <source>Proposed to say that {names} were hurt.</source>
        <translation>Hat vorgeschlagen zu sagen, dass {names} verletzt wurden.</translation>
    </message>
    <message>
        <source>In our words: “{words}”</source>
        <translation>In unseren Worten: „{words}“</translation>
    </message>
    <message>
        <source>A boundary feels strained: “{boundary}”</source>
        <translation>Eine Grenze fühlt sich angespannt an: „{boundary}“</translation>
    </message>
    <message>
        <source>The safety plan was updated.</source>
        <translation>Der Sicherheitsplan wurde aktualisiert.</translation>
    </message>
    <message>
        <source>The session ended.</source>
        <translation>Die Sitzung wurde beendet.</translation>
    </message>
    <message>
        <source>Agreed to the export.</source>
        <translation>Hat dem Export zugestimmt.</translation>
    </message>
    <message>
        <source>, alone, after {name} left the vault (no second signature)</source>
        <translation>, allein, nachdem {name} den Tresor verlassen hat (keine zweite Unterschrift)</translation>
    </message>
    <message>
        <source>Left the vault. What is written from now on is not readable with their key.</source>
        <translation>Hat den Tresor verlassen. Was ab jetzt geschrieben wird, ist mit diesem Schlüssel nicht lesbar.</translation>
    </message>
    <message>
        <source>Check-off</source>
        <translation>Abgehakt</translation>
    </message>
    <message>
        <source>a commitment</source>
        <translation>eine Zusage</translation>
    </message>
    <message>
        <source>Daily check-in</source>
        <translation>Täglicher Check-in</translation>
    </message>
    <message>
        <source>Weekly review</source>
        <translation>Wochenrückblick</translation>
    </message>
    <message>
        <source>Monthly review</source>
        <translation>Monatsrückblick</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>Anerkannt</translation>
    </message>
    <message>
        <source>Repaired</source>
        <translation>Wiedergutgemacht</translation>
    </message>
    <message>
        <source>Restored</source>
        <translation>Wiederhergestellt</translation>
    </message>
    <message>
        <source>Milestone</source>
        <translation>Meilenstein</translation>
    </message>
    <message>
        <source>Win</source>
        <translation>Erfolg</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Sitzung</translation>
    </message>
    <message>
        <source>Left the vault and took a read-only copy of the shared history up to today. What is written from now on is not readable with their key.</source>
        <translation>Hat den Tresor verlassen und eine schreibgeschützte Kopie der gemeinsamen Geschichte bis heute mitgenommen. Was ab jetzt geschrieben wird, ist mit diesem Schlüssel nicht lesbar.</translation>
    </message>
    <message>
        <source>You began Twofold together: {names}.</source>
        <translation>Ihr habt Twofold gemeinsam begonnen: {names}.</translation>
    </message>
    <message>
        <source>Ended: {title}</source>
        <translation>Beendet: {title}</translation>
    </message>
    <message>
        <source>Proposed version {n} of the agreement.</source>
        <translation>Fassung {n} der Vereinbarung vorgeschlagen.</translation>
    </message>
    <message>
        <source>Acknowledged version {n} of the agreement.</source>
        <translation>Fassung {n} der Vereinbarung bestätigt.</translation>
    </message>
    <message>
        <source>Check-in</source>
        <translation>Check-in</translation>
    </message>
    <message>
        <source>Setback: {what}</source>
        <translation>Rückschlag: {what}</translation>
    </message>
    <message>
        <source>Counter-measure: {text}</source>
        <translation>Gegenmaßnahme: {text}</translation>
    </message>
    <message>
        <source>Our values: {values}</source>
        <translation>Unsere Werte: {values}</translation>
    </message>
    <message>
        <source>{what} opened together.</source>
        <translation>{what} gemeinsam begonnen.</translation>
    </message>
    <message>
        <source>Session note: {text}</source>
        <translation>Notiz zur Sitzung: {text}</translation>
    </message>
    <message>
        <source>Session outcome: {text}</source>
        <translation>Ergebnis der Sitzung: {text}</translation>
    </message>
    <message>
        <source>Therapy objective: {text}</source>
        <translation>Therapieziel: {text}</translation>
    </message>
    <message>
        <source>Progress on “{objective}”</source>
        <translation>Fortschritt bei „{objective}“</translation>
    </message>
    <message>
        <source>Exported a report ({what}) of {start} to {end}</source>
        <translation>Einen Bericht ({what}) vom {start} bis {end} exportiert</translation>
    </message>
    <message>
        <source>Twofold noticed (recorded when {name} opened it)</source>
        <translation>Von Twofold bemerkt (festgehalten, als {name} es geöffnet hat)</translation>
    </message>
    <message>
        <source>New terms: {title}</source>
        <translation>Neue Bedingungen: {title}</translation>
    </message>
    <message>
        <source>Repair step</source>
        <translation>Schritt der Wiedergutmachung</translation>
    </message>
    <message>
        <source>a setback</source>
        <translation>ein Rückschlag</translation>
    </message>
    <message>
        <source>an objective</source>
        <translation>ein Ziel</translation>
    </message>
    <message>
        <source>, with {n} of their own private entries</source>
        <translation>, mit {n} eigenen privaten Einträgen</translation>
    </message>
    <message>
        <source>Request: {text}</source>
        <translation>Bitte: {text}</translation>
    </message>
    <message>
        <source>Parts: {parts}</source>
        <translation>Teile: {parts}</translation>
    </message>
    <message>
        <source> and </source>
        <translation> und </translation>
    </message>
    <message>
        <source>Hard-day version: {text}.</source>
        <translation>Version für schwere Tage: {text}.</translation>
    </message>
    <message>
        <source>Trigger: {text}</source>
        <translation>Auslöser: {text}</translation>
    </message>
    <message>
        <source>Impact: {text}</source>
        <translation>Wirkung: {text}</translation>
    </message>
    <message>
        <source>Retracted by its author. The content was removed; the signed record remains.</source>
        <translation>Von der Person zurückgezogen, die es geschrieben hat. Der Inhalt wurde entfernt; der unterschriebene Vermerk bleibt.</translation>
    </message>
    <message>
        <source>⚠ Hidden: what is stored for this item does not match its signed event. It was changed outside Twofold, so its text is not shown.</source>
        <translation>⚠ Verborgen: Was zu diesem Eintrag gespeichert ist, passt nicht zu seinem unterschriebenen Ereignis. Es wurde außerhalb von Twofold verändert, deshalb wird sein Text nicht gezeigt.</translation>
    </message>
    <message>
        <source>{name}&apos;s passphrase was changed (and a new recovery code issued).</source>
        <translation>Die Passphrase von {name} wurde geändert (und ein neuer Wiederherstellungscode ausgegeben).</translation>
    </message>
    <message>
        <source>{name}&apos;s passphrase was reset with the recovery code.</source>
        <translation>Die Passphrase von {name} wurde mit dem Wiederherstellungscode zurückgesetzt.</translation>
    </message>
    <message>
        <source>{name}&apos;s recovery code was renewed; the old code no longer works.</source>
        <translation>Der Wiederherstellungscode von {name} wurde erneuert; der alte Code funktioniert nicht mehr.</translation>
    </message>
    <message>
        <source>{name}&apos;s keys were changed.</source>
        <translation>Die Schlüssel von {name} wurden geändert.</translation>
    </message>
    <message>
        <source>Kept</source>
        <translation>Gehalten</translation>
    </message>
    <message>
        <source>Kept (hard-day version)</source>
        <translation>Gehalten (Version für schwere Tage)</translation>
    </message>
    <message>
        <source>Missed</source>
        <translation>Nicht geschafft</translation>
    </message>
    <message>
        <source>Renegotiated</source>
        <translation>Neu ausgehandelt</translation>
    </message>
    <message>
        <source>Weekly check-in</source>
        <translation>Wöchentlicher Check-in</translation>
    </message>
    <message>
        <source>Progress dinner</source>
        <translation>Fortschritts-Abendessen</translation>
    </message>
    <message>
        <source>Therapy session</source>
        <translation>Therapiesitzung</translation>
    </message>
    <message>
        <source>PDF</source>
        <translation>PDF</translation>
    </message>
    <message>
        <source>Markdown</source>
        <translation>Markdown</translation>
    </message>
    <message>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <source>Shared timeline</source>
        <translation>Gemeinsame Zeitleiste</translation>
    </message>
    <message>
        <source>Commitments and how they were kept</source>
        <translation>Zusagen und wie sie gehalten wurden</translation>
    </message>
    <message>
        <source>The agreement: versions and changes</source>
        <translation>Die Vereinbarung: Fassungen und Änderungen</translation>
    </message>
    <message>
        <source>Setbacks and repairs</source>
        <translation>Rückschläge und Wiedergutmachung</translation>
    </message>
    <message>
        <source>Wins and milestones</source>
        <translation>Erfolge und Meilensteine</translation>
    </message>
    <message>
        <source>Check-in answers</source>
        <translation>Antworten aus den Check-ins</translation>
    </message>
    <message>
        <source>Joint sessions and therapy objectives</source>
        <translation>Gemeinsame Sitzungen und Therapieziele</translation>
    </message>
</context>
<context>
    <name>TimelinePage</name>
    <message>
        <source>Show which kinds</source>
        <translation>Welche Arten zeigen</translation>
    </message>
    <message>
        <source>Show whose items</source>
        <translation>Wessen Einträge zeigen</translation>
    </message>
    <message>
        <source>Group by</source>
        <translation>Gruppieren nach</translation>
    </message>
    <message>
        <source>By day</source>
        <translation>Nach Tag</translation>
    </message>
    <message>
        <source>By week</source>
        <translation>Nach Woche</translation>
    </message>
    <message>
        <source>Search the shared ledger</source>
        <translation>Die gemeinsame Chronik durchsuchen</translation>
    </message>
    <message>
        <source>Search shared items</source>
        <translation>Geteiltes durchsuchen</translation>
    </message>
    <message>
        <source>Shared timeline, newest first</source>
        <translation>Gemeinsame Zeitleiste, das Neueste zuerst</translation>
    </message>
    <message>
        <source>Shared search results</source>
        <translation>Suchergebnisse im Geteilten</translation>
    </message>
    <message>
        <source>Retract…</source>
        <translation>Zurückziehen…</translation>
    </message>
    <message>
        <source>Retract the selected item you shared</source>
        <translation>Das markierte, von dir Geteilte zurückziehen</translation>
    </message>
    <message>
        <source>Shared timeline</source>
        <translation>Gemeinsame Zeitleiste</translation>
    </message>
    <message>
        <source>Both of us</source>
        <translation>Wir beide</translation>
    </message>
    <message>
        <source>Verifying the ledger…</source>
        <translation>Die Chronik wird geprüft…</translation>
    </message>
    <message numerus="yes">
        <source>%n items</source>
        <translation>
            <numerusform>%Ln Eintrag</numerusform>
            <numerusform>%Ln Einträge</numerusform>
        </translation>
    </message>
    <message>
        <source>Withdraw…</source>
        <translation>Zurückziehen…</translation>
    </message>
    <message>
        <source>Retract this shared reflection?</source>
        <translation>Diese geteilte Reflexion zurückziehen?</translation>
    </message>
    <message>
        <source>Its words are removed from the shared ledger for both of you. A signed note that you retracted it stays on the timeline, so the history stays honest.</source>
        <translation>Ihre Worte werden für euch beide aus der gemeinsamen Chronik entfernt. Ein unterschriebener Vermerk, dass du sie zurückgezogen hast, bleibt auf der Zeitleiste – so bleibt die Geschichte ehrlich.</translation>
    </message>
    <message>
        <source>Not retracted</source>
        <translation>Nicht zurückgezogen</translation>
    </message>
    <message>
        <source>Withdraw what you wrote?</source>
        <translation>Zurückziehen, was du geschrieben hast?</translation>
    </message>
    <message>
        <source>Its words are removed from the shared ledger for both of you. A signed note that you withdrew it stays on the timeline.</source>
        <translation>Die Worte werden für euch beide aus der gemeinsamen Chronik entfernt. Ein unterschriebener Vermerk, dass du es zurückgezogen hast, bleibt auf der Zeitleiste.</translation>
    </message>
    <message>
        <source>Not withdrawn</source>
        <translation>Nicht zurückgezogen</translation>
    </message>
    <message>
        <source>Search failed</source>
        <translation>Die Suche ist fehlgeschlagen</translation>
    </message>
    <message numerus="yes">
        <source>The newest %n shared matches; add a word to narrow the search</source>
        <translation>
            <numerusform>Der neueste geteilte Treffer; ein weiteres Wort grenzt die Suche ein</numerusform>
            <numerusform>Die neuesten %Ln geteilten Treffer; ein weiteres Wort grenzt die Suche ein</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n shared matches</source>
        <translation>
            <numerusform>%Ln Treffer im Geteilten</numerusform>
            <numerusform>%Ln Treffer im Geteilten</numerusform>
        </translation>
    </message>
    <message>
        <source>Highlights</source>
        <translation>Das Wichtigste</translation>
    </message>
    <message>
        <source>Everything</source>
        <translation>Alles</translation>
    </message>
    <message>
        <source>Shared reflections</source>
        <translation>Geteilte Reflexionen</translation>
    </message>
    <message>
        <source>Commitments</source>
        <translation>Zusagen</translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation>Vereinbarung</translation>
    </message>
    <message>
        <source>Check-ins</source>
        <translation>Check-ins</translation>
    </message>
    <message>
        <source>Requests to talk</source>
        <translation>Bitten um ein Gespräch</translation>
    </message>
    <message>
        <source>Setbacks and wins</source>
        <translation>Rückschläge und Erfolge</translation>
    </message>
    <message>
        <source>Together</source>
        <translation>Miteinander</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Sitzungen</translation>
    </message>
    <message>
        <source>Safety plan</source>
        <translation>Sicherheitsplan</translation>
    </message>
    <message>
        <source>Milestones</source>
        <translation>Meilensteine</translation>
    </message>
</context>
<context>
    <name>TimerPanel</name>
    <message>
        <source>Start the timer when you are ready.</source>
        <translation>Starte den Timer, wenn ihr bereit seid.</translation>
    </message>
    <message>
        <source>Who speaks now</source>
        <translation>Wer gerade spricht</translation>
    </message>
    <message>
        <source>Time left in this turn</source>
        <translation>Verbleibende Zeit in dieser Runde</translation>
    </message>
    <message>
        <source>Minutes per turn</source>
        <translation>Minuten pro Runde</translation>
    </message>
    <message>
        <source> min per turn</source>
        <translation> Min. pro Runde</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Starten</translation>
    </message>
    <message>
        <source>Start the dialogue timer</source>
        <translation>Den Gesprächs-Timer starten</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Pause (the pause rule)</source>
        <translation>Pause (die Pausenregel)</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Weiter</translation>
    </message>
    <message>
        <source>Move on to the next step</source>
        <translation>Zum nächsten Schritt gehen</translation>
    </message>
    <message>
        <source>Structured dialogue</source>
        <translation>Strukturiertes Gespräch</translation>
    </message>
    <message>
        <source>Start the timer when you are ready: one speaks, the other listens, then says back what they heard.</source>
        <translation>Starte den Timer, wenn ihr bereit seid: Eine Person spricht, die andere hört zu und sagt dann mit eigenen Worten, was sie gehört hat.</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>{minutes}:{seconds:02d} left</source>
        <translation>noch {minutes}:{seconds:02d}</translation>
    </message>
</context>
<context>
    <name>TogetherPage</name>
    <message>
        <source>Our values</source>
        <translation>Unsere Werte</translation>
    </message>
    <message>
        <source>Choose our values…</source>
        <translation>Unsere Werte wählen…</translation>
    </message>
    <message>
        <source>Choose our values</source>
        <translation>Unsere Werte wählen</translation>
    </message>
    <message>
        <source>Appreciate…</source>
        <translation>Wertschätzen…</translation>
    </message>
    <message>
        <source>Write an appreciation</source>
        <translation>Eine Wertschätzung schreiben</translation>
    </message>
    <message>
        <source>Add a chapter…</source>
        <translation>Kapitel hinzufügen…</translation>
    </message>
    <message>
        <source>Add a chapter to our story</source>
        <translation>Ein Kapitel zu unserer Geschichte hinzufügen</translation>
    </message>
    <message>
        <source>Withdraw…</source>
        <translation>Zurückziehen…</translation>
    </message>
    <message>
        <source>Withdraw an appreciation or chapter you wrote</source>
        <translation>Eine Wertschätzung oder ein Kapitel zurückziehen, das du geschrieben hast</translation>
    </message>
    <message>
        <source>Its words are removed for both of you; a signed note that you withdrew it stays</source>
        <translation>Die Worte werden für euch beide entfernt; ein unterschriebener Vermerk, dass du es zurückgezogen hast, bleibt</translation>
    </message>
    <message>
        <source>Appreciations</source>
        <translation>Wertschätzungen</translation>
    </message>
    <message>
        <source>Our story</source>
        <translation>Unsere Geschichte</translation>
    </message>
    <message>
        <source>Together</source>
        <translation>Miteinander</translation>
    </message>
    <message>
        <source>Our values: {values}</source>
        <translation>Unsere Werte: {values}</translation>
    </message>
    <message>
        <source>Choose the few values you want to live by together.</source>
        <translation>Wählt die wenigen Werte, nach denen ihr gemeinsam leben wollt.</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;i&gt;Nothing yet. What did your partner do that you noticed?&lt;/i&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;i&gt;Noch nichts. Was hat dein Gegenüber getan, das dir aufgefallen ist?&lt;/i&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;i&gt;Your story starts with the first chapter either of you writes.&lt;/i&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;i&gt;Eure Geschichte beginnt mit dem ersten Kapitel, das eine oder einer von euch schreibt.&lt;/i&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Appreciation: {text}</source>
        <translation>Wertschätzung: {text}</translation>
    </message>
    <message>
        <source>Chapter: {title}</source>
        <translation>Kapitel: {title}</translation>
    </message>
    <message>
        <source>Withdraw what you wrote</source>
        <translation>Zurückziehen, was du geschrieben hast</translation>
    </message>
    <message>
        <source>Its words are removed from the shared ledger for both of you; a signed note that you withdrew something stays. Which one?</source>
        <translation>Die Worte werden für euch beide aus der gemeinsamen Chronik entfernt; ein unterschriebener Vermerk, dass du etwas zurückgezogen hast, bleibt. Was davon?</translation>
    </message>
    <message>
        <source>Not withdrawn</source>
        <translation>Nicht zurückgezogen</translation>
    </message>
    <message>
        <source>Sign and save</source>
        <translation>Unterschreiben und speichern</translation>
    </message>
    <message>
        <source>The few values you want to live by together, separated by commas. They show for both of you, as chosen by you.</source>
        <translation>Die wenigen Werte, nach denen ihr gemeinsam leben wollt, durch Kommas getrennt. Sie erscheinen für euch beide, als von dir gewählt.</translation>
    </message>
    <message>
        <source>Review…</source>
        <translation>Prüfen…</translation>
    </message>
    <message>
        <source>What did your partner do that you noticed and appreciate?</source>
        <translation>Was hat dein Gegenüber getan, das dir aufgefallen ist und das du wertschätzt?</translation>
    </message>
    <message>
        <source>Your appreciation</source>
        <translation>Deine Wertschätzung</translation>
    </message>
    <message>
        <source>Sign and add it</source>
        <translation>Unterschreiben und hinzufügen</translation>
    </message>
    <message>
        <source>A chapter of our story</source>
        <translation>Ein Kapitel unserer Geschichte</translation>
    </message>
    <message>
        <source>honesty, reliability, kindness, respect</source>
        <translation>Ehrlichkeit, Verlässlichkeit, Freundlichkeit, Respekt</translation>
    </message>
    <message>
        <source>Appreciation</source>
        <translation>Wertschätzung</translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <source>Open Twofold</source>
        <translation>Twofold öffnen</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>Sperren</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
</context>
<context>
    <name>UnlockPage</name>
    <message>
        <source>Passphrase</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <source>Your passphrase</source>
        <translation>Deine Passphrase</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Entsperren</translation>
    </message>
    <message>
        <source>Unlocking</source>
        <translation>Wird entsperrt</translation>
    </message>
    <message>
        <source>Unlock message</source>
        <translation>Meldung zum Entsperren</translation>
    </message>
    <message>
        <source>Forgot your passphrase?</source>
        <translation>Passphrase vergessen?</translation>
    </message>
    <message>
        <source>Forgot your passphrase</source>
        <translation>Passphrase vergessen</translation>
    </message>
    <message>
        <source>Safety plan (F1)</source>
        <translation>Sicherheitsplan (F1)</translation>
    </message>
    <message>
        <source>Safety plan, without unlocking (F1)</source>
        <translation>Sicherheitsplan, ohne Entsperren (F1)</translation>
    </message>
    <message>
        <source>Who is here?</source>
        <translation>Wer ist da?</translation>
    </message>
    <message>
        <source>I am {label}</source>
        <translation>Ich bin {label}</translation>
    </message>
    <message>
        <source>{choice} (slot {number})</source>
        <translation>{choice} (Fach {number})</translation>
    </message>
    <message>
        <source>Shared session (together)</source>
        <translation>Gemeinsame Sitzung (zusammen)</translation>
    </message>
    <message>
        <source>Both of you are called “{label}” here: keyslots.json was edited outside Twofold. Each button still opens a different partner&apos;s journal; once unlocked, Twofold shows the names the ledger signed.</source>
        <translation>Ihr heißt hier beide „{label}“: keyslots.json wurde außerhalb von Twofold verändert. Jede Schaltfläche öffnet trotzdem das Tagebuch einer anderen Person; nach dem Entsperren zeigt Twofold die Namen, die die Chronik unterschrieben enthält.</translation>
    </message>
    <message>
        <source>This vault is already open in another Twofold window. Switch to that window, or close it and restart Twofold.</source>
        <translation>Dieser Tresor ist schon in einem anderen Twofold-Fenster geöffnet. Wechsle zu diesem Fenster, oder schließ es und starte Twofold neu.</translation>
    </message>
    <message>
        <source>Either of you types their passphrase. Only the shared ledger opens; both private journals stay locked.</source>
        <translation>Eine oder einer von euch gibt die eigene Passphrase ein. Nur die gemeinsame Chronik öffnet sich; beide privaten Tagebücher bleiben gesperrt.</translation>
    </message>
    <message>
        <source>Opens {who}&apos;s private journal and the shared ledger.</source>
        <translation>Öffnet das private Tagebuch von {who} und die gemeinsame Chronik.</translation>
    </message>
    <message>
        <source>Type your passphrase first.</source>
        <translation>Gib zuerst deine Passphrase ein.</translation>
    </message>
    <message>
        <source>Wait {wait_left} s</source>
        <translation>Warte {wait_left} s</translation>
    </message>
</context>
<context>
    <name>VerificationBar</name>
    <message>
        <source>Ledger verification</source>
        <translation>Prüfung der Chronik</translation>
    </message>
    <message>
        <source>Ledger verification warning</source>
        <translation>Warnung bei der Prüfung der Chronik</translation>
    </message>
    <message>
        <source>⚠ The shared ledger could not be verified: {reason}</source>
        <translation>⚠ Die gemeinsame Chronik konnte nicht geprüft werden: {reason}</translation>
    </message>
    <message>
        <source> · checking everything in the background…</source>
        <translation> · alles wird im Hintergrund geprüft…</translation>
    </message>
    <message>
        <source>✓ Verified · {chain}{more}</source>
        <translation>✓ Geprüft · {chain}{more}</translation>
    </message>
    <message>
        <source>⚠ The shared ledger does not verify. Someone or something changed it outside Twofold. {failed}</source>
        <translation>⚠ Die gemeinsame Chronik lässt sich nicht bestätigen. Jemand oder etwas hat sie außerhalb von Twofold verändert. {failed}</translation>
    </message>
</context>
<context>
    <name>Verify</name>
    <message>
        <source>{n} events, all signed and chained</source>
        <translation>{n} Ereignisse, alle unterschrieben und verkettet</translation>
    </message>
    <message>
        <source>{n} new events since you last looked, all signed and chained</source>
        <translation>{n} neue Ereignisse seit deinem letzten Blick, alle unterschrieben und verkettet</translation>
    </message>
    <message>
        <source>{file} pages and structure</source>
        <translation>{file}: Seiten und Struktur</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>in Ordnung</translation>
    </message>
    <message>
        <source>not checked</source>
        <translation>nicht geprüft</translation>
    </message>
    <message>
        <source>ledger chain and signatures</source>
        <translation>Kette und Unterschriften der Chronik</translation>
    </message>
    <message>
        <source>what the app shows matches the signed events</source>
        <translation>was die App zeigt, passt zu den unterschriebenen Ereignissen</translation>
    </message>
    <message>
        <source>partners are the ones pinned in your journal</source>
        <translation>die Personen sind die, die in deinem Tagebuch hinterlegt sind</translation>
    </message>
    <message>
        <source>ledger not cut or rolled back since you last saw it</source>
        <translation>Chronik seit deinem letzten Blick nicht gekürzt oder zurückgesetzt</translation>
    </message>
    <message>
        <source>ledger not rolled back since the OS keyring last saw it</source>
        <translation>Chronik nicht zurückgesetzt, seit der Schlüsselbund des Systems sie zuletzt sah</translation>
    </message>
    <message>
        <source>every event within what its author may sign for</source>
        <translation>jedes Ereignis im Rahmen dessen, was seine Autorin oder sein Autor unterschreiben darf</translation>
    </message>
    <message>
        <source>nobody acted for the other</source>
        <translation>niemand hat für die andere Person gehandelt</translation>
    </message>
    <message>
        <source>your shares are in the ledger</source>
        <translation>dein Geteiltes ist in der Chronik</translation>
    </message>
    <message>
        <source>your journal file is not older than what you signed</source>
        <translation>deine Tagebuchdatei ist nicht älter als deine Unterschrift</translation>
    </message>
    <message>
        <source>kept there from now on</source>
        <translation>wird ab jetzt dort festgehalten</translation>
    </message>
    <message>
        <source>no OS keyring on this system: a rollback of the whole folder would not be noticed</source>
        <translation>kein Schlüsselbund auf diesem System: Ein Zurücksetzen des ganzen Ordners würde nicht bemerkt</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Welcome to Twofold</source>
        <translation>Willkommen bei Twofold</translation>
    </message>
    <message>
        <source>A private journal for each of you, and a shared ledger you build together.</source>
        <translation>Ein privates Tagebuch für jede und jeden von euch und eine gemeinsame Chronik, die ihr zusammen aufbaut.</translation>
    </message>
    <message>
        <source>Vault folder</source>
        <translation>Tresor-Ordner</translation>
    </message>
    <message>
        <source>Change…</source>
        <translation>Ändern…</translation>
    </message>
    <message>
        <source>Choose another vault folder</source>
        <translation>Einen anderen Tresor-Ordner auswählen</translation>
    </message>
    <message>
        <source>The vault will live in:</source>
        <translation>Der Tresor wird hier liegen:</translation>
    </message>
    <message>
        <source>Keep Twofold in the tray when the window is closed, so check-in reminders arrive (it stays locked; a reminder never shows what you wrote)</source>
        <translation>Twofold im Infobereich behalten, wenn das Fenster geschlossen ist, damit Check-in-Erinnerungen ankommen (es bleibt gesperrt; eine Erinnerung zeigt nie, was du geschrieben hast)</translation>
    </message>
    <message>
        <source>Start Twofold in the tray when I log in</source>
        <translation>Twofold bei meiner Anmeldung im Infobereich starten</translation>
    </message>
    <message>
        <source>Set this up together: each of you will choose a passphrase in turn.</source>
        <translation>Richtet das gemeinsam ein: Jede und jeder von euch wählt nacheinander eine Passphrase.</translation>
    </message>
    <message>
        <source>Choose where the vault lives</source>
        <translation>Auswählen, wo der Tresor liegt</translation>
    </message>
    <message>
        <source>Twofold vault</source>
        <translation>Twofold-Tresor</translation>
    </message>
</context>
<context>
    <name>WinsPage</name>
    <message>
        <source>Wins and milestones</source>
        <translation>Erfolge und Meilensteine</translation>
    </message>
    <message>
        <source>Record a win…</source>
        <translation>Erfolg festhalten…</translation>
    </message>
    <message>
        <source>Record a win</source>
        <translation>Einen Erfolg festhalten</translation>
    </message>
    <message>
        <source>Small things count. Milestones are found from your commitments and check-ins and celebrated here and on the timeline.</source>
        <translation>Kleine Dinge zählen. Meilensteine ergeben sich aus euren Zusagen und Check-ins und werden hier und auf der Zeitleiste gefeiert.</translation>
    </message>
    <message>
        <source>★ Milestone</source>
        <translation>★ Meilenstein</translation>
    </message>
    <message>
        <source>Win · {get}</source>
        <translation>Erfolg · {get}</translation>
    </message>
    <message>
        <source>No wins recorded yet. What went well, even a little?</source>
        <translation>Noch keine Erfolge festgehalten. Was ist gut gelaufen, und sei es nur ein bisschen?</translation>
    </message>
    <message>
        <source>What went well?</source>
        <translation>Was ist gut gelaufen?</translation>
    </message>
    <message>
        <source>Review…</source>
        <translation>Prüfen…</translation>
    </message>
    <message>
        <source>The win you record</source>
        <translation>Der Erfolg, den du festhältst</translation>
    </message>
    <message>
        <source>What went well</source>
        <translation>Was gut gelaufen ist</translation>
    </message>
    <message>
        <source>Sign and record it</source>
        <translation>Unterschreiben und festhalten</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>Demo vault. Passphrases — {lines}</source>
        <translation>Demo-Tresor. Passphrasen — {lines}</translation>
    </message>
    <message>
        <source>Preparing a demo vault for Alex and Sam…</source>
        <translation>Ein Demo-Tresor für Alex und Sam wird vorbereitet…</translation>
    </message>
    <message>
        <source>The demo vault could not be made: {error_text}</source>
        <translation>Der Demo-Tresor konnte nicht angelegt werden: {error_text}</translation>
    </message>
    <message>
        <source>Twofold cannot start safely</source>
        <translation>Twofold kann nicht sicher starten</translation>
    </message>
</context>
<context>
    <name>binding_check</name>
    <message>
        <source>This copy of Twofold runs on PySide6 {version}, which has a known defect on this version of Python: the app would crash after a few minutes and lose what you were writing. Nothing was opened or changed. Install a supported version (for example with `uv sync`, which uses the versions Twofold was tested with) and start Twofold again.</source>
        <translation>Diese Kopie von Twofold läuft mit PySide6 {version}, das mit dieser Python-Version einen bekannten Fehler hat: Die App würde nach ein paar Minuten abstürzen und verlieren, was du gerade schreibst. Nichts wurde geöffnet oder geändert. Installiere eine unterstützte Version (zum Beispiel mit `uv sync`, das die Versionen verwendet, mit denen Twofold getestet wurde) und starte Twofold erneut.</translation>
    </message>
</context>
<context>
    <name>checkins_page</name>
    <message>
        <source>yesterday&apos;s check-in</source>
        <translation>den Check-in von gestern</translation>
    </message>
    <message>
        <source>last week&apos;s review</source>
        <translation>den Wochenrückblick der letzten Woche</translation>
    </message>
    <message>
        <source>last month&apos;s review</source>
        <translation>den Monatsrückblick des letzten Monats</translation>
    </message>
    <message>
        <source>You skipped {listed}. No streak is lost; the next one counts just as much.</source>
        <translation>Du hast {listed} ausgelassen. Keine Serie geht verloren; der nächste zählt genauso viel.</translation>
    </message>
    <message>
        <source>hard-day form {hard_days}×</source>
        <translation>Version für schwere Tage {hard_days}×</translation>
    </message>
    <message>
        <source>missed {missed}×</source>
        <translation>nicht geschafft {missed}×</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;i&gt;No commitment was due this week.&lt;/i&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;i&gt;Diese Woche war keine Zusage fällig.&lt;/i&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;This week ({when} – {when2}): {delivered} of {promised} kept.&lt;/b&gt;&lt;/p&gt;&lt;table cellspacing=&apos;4&apos;&gt;&lt;tr&gt;&lt;th align=&apos;left&apos;&gt;Commitment&lt;/th&gt;&lt;th align=&apos;right&apos;&gt;promised&lt;/th&gt;&lt;th align=&apos;right&apos;&gt;delivered&lt;/th&gt;&lt;th align=&apos;left&apos;&gt;still hard&lt;/th&gt;&lt;/tr&gt;{rows}&lt;/table&gt;&lt;p&gt;&lt;a href=&apos;agreement&apos;&gt;Open our agreement&lt;/a&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Diese Woche ({when} – {when2}): {delivered} von {promised} gehalten.&lt;/b&gt;&lt;/p&gt;&lt;table cellspacing=&apos;4&apos;&gt;&lt;tr&gt;&lt;th align=&apos;left&apos;&gt;Zusage&lt;/th&gt;&lt;th align=&apos;right&apos;&gt;zugesagt&lt;/th&gt;&lt;th align=&apos;right&apos;&gt;eingehalten&lt;/th&gt;&lt;th align=&apos;left&apos;&gt;noch schwer&lt;/th&gt;&lt;/tr&gt;{rows}&lt;/table&gt;&lt;p&gt;&lt;a href=&apos;agreement&apos;&gt;Unsere Vereinbarung öffnen&lt;/a&gt;&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>commitments_page</name>
    <message>
        <source>Proposed — waiting for {names} to accept</source>
        <translation>Vorgeschlagen – wartet darauf, dass {names} annimmt</translation>
    </message>
    <message>
        <source> and </source>
        <translation> und </translation>
    </message>
    <message>
        <source>Declined by {who}</source>
        <translation>Abgelehnt von {who}</translation>
    </message>
    <message>
        <source>Ended by {names} alone</source>
        <translation>Von {names} allein beendet</translation>
    </message>
    <message>
        <source>Ended together</source>
        <translation>Gemeinsam beendet</translation>
    </message>
    <message>
        <source>New terms proposed — waiting for an answer</source>
        <translation>Neue Bedingungen vorgeschlagen – wartet auf eine Antwort</translation>
    </message>
    <message>
        <source>{names} asked to end it</source>
        <translation>{names} hat um das Ende gebeten</translation>
    </message>
</context>
<context>
    <name>joint_page</name>
    <message>
        <source>&lt;b&gt;{who}: a boundary feels strained&lt;/b&gt;</source>
        <translation>&lt;b&gt;{who}: Eine Grenze fühlt sich angespannt an&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;{who} would like to talk about&lt;/b&gt;</source>
        <translation>&lt;b&gt;{who} würde gern reden über&lt;/b&gt;</translation>
    </message>
    <message>
        <source>No requests.</source>
        <translation>Keine Bitten.</translation>
    </message>
    <message>
        <source>Nothing new.</source>
        <translation>Nichts Neues.</translation>
    </message>
    <message>
        <source>{title} — kept {rate}</source>
        <translation>{title} — gehalten {rate}</translation>
    </message>
    <message>
        <source>All kept well.</source>
        <translation>Alle gut gehalten.</translation>
    </message>
    <message>
        <source>No commitments with a record yet.</source>
        <translation>Noch keine Zusagen mit Verlauf.</translation>
    </message>
    <message>
        <source>&lt;p&gt;{what} — next: {step}&lt;/p&gt;</source>
        <translation>&lt;p&gt;{what} — als Nächstes: {step}&lt;/p&gt;</translation>
    </message>
    <message>
        <source>None open.</source>
        <translation>Keine offen.</translation>
    </message>
</context>
<context>
    <name>look_back</name>
    <message>
        <source>&lt;li&gt;{title} — {kept} of {decided}&lt;/li&gt;</source>
        <translation>&lt;li&gt;{title} — {kept} von {decided}&lt;/li&gt;</translation>
    </message>
</context>
<context>
    <name>models</name>
    <message>
        <source>This week</source>
        <translation>Diese Woche</translation>
    </message>
    <message>
        <source>Last week</source>
        <translation>Letzte Woche</translation>
    </message>
    <message>
        <source>Week of {when}</source>
        <translation>Woche vom {when}</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>Gestern</translation>
    </message>
    <message>
        <source>{source} match from {when}: {text}</source>
        <translation>Treffer in {source} vom {when}: {text}</translation>
    </message>
    <message>
        <source>Shared</source>
        <translation>Geteilt</translation>
    </message>
    <message>
        <source>In your outbox</source>
        <translation>Zum Teilen vorgemerkt</translation>
    </message>
    <message>
        <source>Private</source>
        <translation>Privat</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(leer)</translation>
    </message>
    <message>
        <source>, feeling {feelings}</source>
        <translation>, Gefühle: {feelings}</translation>
    </message>
    <message>
        <source>{label} by {author_label}, {when}: {headline}</source>
        <translation>{label} von {author_label}, {when}: {headline}</translation>
    </message>
</context>
<context>
    <name>ops</name>
    <message>
        <source>the disk is full</source>
        <translation>der Datenträger ist voll</translation>
    </message>
    <message>
        <source>the vault folder is read-only</source>
        <translation>der Tresor-Ordner ist schreibgeschützt</translation>
    </message>
    <message>
        <source>the vault is damaged</source>
        <translation>der Tresor ist beschädigt</translation>
    </message>
    <message>
        <source>an unexpected error (a bug in Twofold)</source>
        <translation>ein unerwarteter Fehler (ein Fehler in Twofold)</translation>
    </message>
    <message>
        <source>This is a bug in Twofold — please report it. Nothing you saved was lost. The report below holds no words of yours: only versions and where in Twofold&apos;s code it happened.</source>
        <translation>Das ist ein Fehler in Twofold – bitte melde ihn. Nichts, was du gespeichert hast, ging verloren. Der Bericht unten enthält keine Worte von dir: nur Versionen und wo im Code von Twofold es passiert ist.</translation>
    </message>
    <message>
        <source>Copy report</source>
        <translation>Bericht kopieren</translation>
    </message>
    <message>
        <source>Copy the bug report</source>
        <translation>Den Fehlerbericht kopieren</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Nicht gespeichert</translation>
    </message>
</context>
<context>
    <name>outbox_page</name>
    <message>
        <source>Preview: exactly what your partner will see</source>
        <translation>Vorschau: genau das, was dein Gegenüber sehen wird</translation>
    </message>
</context>
<context>
    <name>passphrase_fields</name>
    <message>
        <source>Show</source>
        <translation>Zeigen</translation>
    </message>
    <message>
        <source>Show or hide what you typed</source>
        <translation>Eingabe zeigen oder verbergen</translation>
    </message>
    <message>
        <source>Show {lower}</source>
        <translation>{name} zeigen</translation>
    </message>
</context>
<context>
    <name>proposals</name>
    <message>
        <source>Not saved</source>
        <translation>Nicht gespeichert</translation>
    </message>
    <message>
        <source>Not proposed</source>
        <translation>Nicht vorgeschlagen</translation>
    </message>
</context>
<context>
    <name>recovery_sheet</name>
    <message>
        <source>
    &lt;h1&gt;Twofold recovery sheet&lt;/h1&gt;
    &lt;p&gt;&lt;b&gt;For:&lt;/b&gt; {partner}&lt;br&gt;&lt;b&gt;Made:&lt;/b&gt; {when}&lt;br&gt;
    &lt;b&gt;Vault folder:&lt;/b&gt; {vault}&lt;/p&gt;
    &lt;p style=&quot;font-size:20pt; font-family:monospace; letter-spacing:2px;
              border:2px solid #333; padding:12px;&quot;&gt;{code}&lt;/p&gt;
    &lt;p&gt;This code opens &lt;b&gt;{partner}&apos;s private journal&lt;/b&gt; if the passphrase is forgotten.
    In Twofold choose &lt;i&gt;Forgot your passphrase?&lt;/i&gt; on the unlock screen and type it.
    You will then set a new passphrase and receive a new code; this one stops working.&lt;/p&gt;
    &lt;p&gt;&lt;b&gt;Keep it somewhere only {partner} can reach&lt;/b&gt;: not in the same place as the
    computer, not in a photo on a shared phone. Anyone with this code can read this journal.&lt;/p&gt;
    &lt;p&gt;&lt;b&gt;If both the passphrase and this code are lost, the private journal cannot be
    opened by anyone, including us.&lt;/b&gt; The shared ledger stays open to the other partner.&lt;/p&gt;
    </source>
        <translation>
    &lt;h1&gt;Twofold-Wiederherstellungsblatt&lt;/h1&gt;
    &lt;p&gt;&lt;b&gt;Für:&lt;/b&gt; {partner}&lt;br&gt;&lt;b&gt;Erstellt:&lt;/b&gt; {when}&lt;br&gt;
    &lt;b&gt;Tresor-Ordner:&lt;/b&gt; {vault}&lt;/p&gt;
    &lt;p style=&quot;font-size:20pt; font-family:monospace; letter-spacing:2px;
              border:2px solid #333; padding:12px;&quot;&gt;{code}&lt;/p&gt;
    &lt;p&gt;Dieser Code öffnet &lt;b&gt;das private Tagebuch von {partner}&lt;/b&gt;, falls die Passphrase vergessen ist.
    Wähl in Twofold auf dem Entsperr-Bildschirm &lt;i&gt;Passphrase vergessen?&lt;/i&gt; und gib ihn ein.
    Danach legst du eine neue Passphrase fest und bekommst einen neuen Code; dieser hier funktioniert dann nicht mehr.&lt;/p&gt;
    &lt;p&gt;&lt;b&gt;Bewahr ihn so auf, dass nur {partner} herankommt&lt;/b&gt;: nicht am selben Ort wie den
    Computer, nicht als Foto auf einem gemeinsamen Handy. Wer diesen Code hat, kann dieses Tagebuch lesen.&lt;/p&gt;
    &lt;p&gt;&lt;b&gt;Wenn Passphrase und Code beide verloren sind, kann niemand das private Tagebuch
    öffnen, auch wir nicht.&lt;/b&gt; Die gemeinsame Chronik bleibt für die andere Person offen.&lt;/p&gt;
    </translation>
    </message>
    <message>
        <source>Save {partner}&apos;s recovery sheet</source>
        <translation>Wiederherstellungsblatt von {partner} speichern</translation>
    </message>
    <message>
        <source>Twofold recovery sheet - {partner}.pdf</source>
        <translation>Twofold-Wiederherstellungsblatt - {partner}.pdf</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Print {partner}&apos;s recovery sheet</source>
        <translation>Wiederherstellungsblatt von {partner} drucken</translation>
    </message>
</context>
<context>
    <name>reminder_dialog</name>
    <message>
        <source>HH:mm</source>
        <translation>HH:mm</translation>
    </message>
</context>
<context>
    <name>talk_dialog</name>
    <message>
        <source>a boundary feels strained</source>
        <translation>eine Grenze fühlt sich angespannt an</translation>
    </message>
    <message>
        <source>would like to talk about</source>
        <translation>würde gern reden über</translation>
    </message>
</context>
<context>
    <name>widgets</name>
    <message>
        <source>Something unexpected went wrong ({value}). Nothing you saved was lost. Please report this.</source>
        <translation>Etwas Unerwartetes ist schiefgelaufen ({value}). Nichts, was du gespeichert hast, ging verloren. Bitte melde das.</translation>
    </message>
</context>
</TS>
