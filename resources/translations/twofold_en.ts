<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>ImportDialog</name>
    <message numerus="yes">
        <source>Import %n entries</source>
        <translation>
            <numerusform>Import %Ln entry</numerusform>
            <numerusform>Import %Ln entries</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %n entries into your journal.</source>
        <translation>
            <numerusform>Imported %Ln entry into your journal.</numerusform>
            <numerusform>Imported %Ln entries into your journal.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImprovementsDialog</name>
    <message numerus="yes">
        <source>Kept in the last %n weeks</source>
        <translation>
            <numerusform>Kept in the last week</numerusform>
            <numerusform>Kept in the last %Ln weeks</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>JournalExportDialog</name>
    <message numerus="yes">
        <source>%n entries written to {folder}. These files are not encrypted.</source>
        <translation>
            <numerusform>%Ln entry written to {folder}. These files are not encrypted.</numerusform>
            <numerusform>%Ln entries written to {folder}. These files are not encrypted.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>JournalPage</name>
    <message numerus="yes">
        <source>%n entries</source>
        <translation>
            <numerusform>%Ln entry</numerusform>
            <numerusform>%Ln entries</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The newest %n matches for “{text}”; add a word to narrow the search</source>
        <translation>
            <numerusform>The newest match for “{text}”; add a word to narrow the search</numerusform>
            <numerusform>The newest %Ln matches for “{text}”; add a word to narrow the search</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n matches for “{text}”</source>
        <translation>
            <numerusform>%Ln match for “{text}”</numerusform>
            <numerusform>%Ln matches for “{text}”</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>Shared %n with {partner}. It is on your shared timeline now.</source>
        <translation>
            <numerusform>Shared %Ln with {partner}. It is on your shared timeline now.</numerusform>
            <numerusform>Shared %Ln with {partner}. It is on your shared timeline now.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OutboxPage</name>
    <message numerus="yes">
        <source>%n waiting to be shared with {partner_label}</source>
        <translation>
            <numerusform>%Ln waiting to be shared with {partner_label}</numerusform>
            <numerusform>%Ln waiting to be shared with {partner_label}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TimelinePage</name>
    <message numerus="yes">
        <source>%n items</source>
        <translation>
            <numerusform>%Ln item</numerusform>
            <numerusform>%Ln items</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The newest %n shared matches; add a word to narrow the search</source>
        <translation>
            <numerusform>The newest shared match; add a word to narrow the search</numerusform>
            <numerusform>The newest %Ln shared matches; add a word to narrow the search</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n shared matches</source>
        <translation>
            <numerusform>%Ln shared match</numerusform>
            <numerusform>%Ln shared matches</numerusform>
        </translation>
    </message>
</context>
</TS>
