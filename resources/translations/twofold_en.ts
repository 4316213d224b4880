<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>ImportDialog</name>
    <message numerus="yes">
        <source>Import %n entries</source>
        <translation>
            <numerusform>Import %n entry</numerusform>
            <numerusform>Import %n entries</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %n entries into your journal.</source>
        <translation>
            <numerusform>Imported %n entry into your journal.</numerusform>
            <numerusform>Imported %n entries into your journal.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImprovementsDialog</name>
    <message numerus="yes">
        <source>Kept in the last %n weeks</source>
        <translation>
            <numerusform>Kept in the last week</numerusform>
            <numerusform>Kept in the last %n weeks</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>JournalExportDialog</name>
    <message numerus="yes">
        <source>%n entries written to {folder}. These files are not encrypted.</source>
        <translation>
            <numerusform>%n entry written to {folder}. These files are not encrypted.</numerusform>
            <numerusform>%n entries written to {folder}. These files are not encrypted.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>JournalPage</name>
    <message numerus="yes">
        <source>%n entries</source>
        <translation>
            <numerusform>%n entry</numerusform>
            <numerusform>%n entries</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The newest %n matches for “{text}”; add a word to narrow the search</source>
        <translation>
            <numerusform>The newest match for “{text}”; add a word to narrow the search</numerusform>
            <numerusform>The newest %n matches for “{text}”; add a word to narrow the search</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n matches for “{text}”</source>
        <translation>
            <numerusform>%n match for “{text}”</numerusform>
            <numerusform>%n matches for “{text}”</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>Shared %n with {partner}. It is on your shared timeline now.</source>
        <translation>
            <numerusform>Shared %n with {partner}. It is on your shared timeline now.</numerusform>
            <numerusform>Shared %n with {partner}. It is on your shared timeline now.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OutboxPage</name>
    <message numerus="yes">
        <source>%n waiting to be shared with {partner_label}</source>
        <translation>
            <numerusform>%n waiting to be shared with {partner_label}</numerusform>
            <numerusform>%n waiting to be shared with {partner_label}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TimelinePage</name>
    <message numerus="yes">
        <source>%n items</source>
        <translation>
            <numerusform>%n item</numerusform>
            <numerusform>%n items</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n shared matches</source>
        <translation>
            <numerusform>%n shared match</numerusform>
            <numerusform>%n shared matches</numerusform>
        </translation>
    </message>
</context>
</TS>
