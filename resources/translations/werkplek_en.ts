<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="nl_NL">
<context>
    <name></name>
    <message>
        <source>ontwikkelversie (vanuit de broncode)</source>
        <translation>development version (from the source code)</translation>
    </message>
    <message>
        <source>Versie</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Build</source>
        <translation>Build</translation>
    </message>
    <message>
        <source>Handleiding</source>
        <translation>User guide</translation>
    </message>
    <message>
        <source>Sneltoetsen</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <source>Over Convenantwerkplek</source>
        <translation>About Covenant workstation</translation>
    </message>
</context>
<context>
    <name>AddCalendarDayDialog</name>
    <message>
        <source>Dag toevoegen aan de kalender</source>
        <translation>Add a day to the calendar</translation>
    </message>
    <message>
        <source>&amp;Toevoegen</source>
        <translation>&amp;Add</translation>
    </message>
    <message>
        <source>Een bij besluit met een feestdag gelijkgestelde dag (Staatscourant, art. 3 lid 3 Algemene termijnenwet) of een sluitingsdag telt niet als werkdag. Open verzoeken krijgen zo nodig een nieuwe termijn.</source>
        <translation>A day equated with a public holiday by decree (Government Gazette, art. 3(3) General Time Limits Act) or a closure day does not count as a working day. Open requests get a new deadline where needed.</translation>
    </message>
    <message>
        <source>&amp;Datum</source>
        <translation>&amp;Date</translation>
    </message>
    <message>
        <source>&amp;Soort</source>
        <translation>&amp;Kind</translation>
    </message>
    <message>
        <source>bijvoorbeeld: Besluit gelijkstelling 2029, Stcrt. 2026, 12345</source>
        <translation>for example: Equation decree 2029, Stcrt. 2026, 12345</translation>
    </message>
    <message>
        <source>&amp;Omschrijving</source>
        <translation>De&amp;scription</translation>
    </message>
</context>
<context>
    <name>AddConsultationDialog</name>
    <message>
        <source>Overleg vastleggen</source>
        <translation>Record consultation</translation>
    </message>
    <message>
        <source>Vast&amp;leggen</source>
        <translation>&amp;Record</translation>
    </message>
    <message>
        <source>Een gehouden overleg (art. 3.2). De cijfers over de periode worden berekend zoals ze op het peilmoment stonden en bewaard; latere registraties veranderen ze niet.</source>
        <translation>A consultation that has been held (art. 3.2). The figures for the period are calculated as they stood at the reference moment and kept; later entries do not change them.</translation>
    </message>
    <message>
        <source>&amp;Datum van het overleg</source>
        <translation>&amp;Date of the consultation</translation>
    </message>
    <message>
        <source>Datum van het overleg</source>
        <translation>Date of the consultation</translation>
    </message>
    <message>
        <source>Periode van</source>
        <translation>Period from</translation>
    </message>
    <message>
        <source>Periode tot en met</source>
        <translation>Period to</translation>
    </message>
    <message>
        <source>&amp;tot en met</source>
        <translation>&amp;to</translation>
    </message>
    <message>
        <source>Periode &amp;van</source>
        <translation>Period &amp;from</translation>
    </message>
    <message>
        <source>&amp;Stand per einde van</source>
        <translation>Figures as at the &amp;end of</translation>
    </message>
    <message>
        <source>Stand per einde van</source>
        <translation>Figures as at the end of</translation>
    </message>
    <message>
        <source>Niet aangevinkt: de stand aan het einde van de dag van het overleg.</source>
        <translation>Not ticked: the figures at the end of the day of the consultation.</translation>
    </message>
    <message>
        <source>Cijfers</source>
        <translation>Figures</translation>
    </message>
    <message>
        <source>één per regel: naam, of naam | functie</source>
        <translation>one per line: name, or name | function</translation>
    </message>
    <message>
        <source>Deelnemers &amp;AIVD</source>
        <translation>Participants &amp;AIVD</translation>
    </message>
    <message>
        <source>Deelnemers &amp;IND</source>
        <translation>Participants &amp;IND</translation>
    </message>
    <message>
        <source>de besluiten, elk op een regel</source>
        <translation>the decisions, one per line</translation>
    </message>
    <message>
        <source>&amp;Besluiten</source>
        <translation>De&amp;cisions</translation>
    </message>
    <message>
        <source>één per regel: omschrijving | eigenaar | JJJJ-MM-DD</source>
        <translation>one per line: description | owner | YYYY-MM-DD</translation>
    </message>
    <message>
        <source>Actie&amp;punten</source>
        <translation>Action &amp;points</translation>
    </message>
    <message>
        <source>Actiepunt op regel %1 heeft niet de vorm omschrijving | eigenaar | JJJJ-MM-DD.</source>
        <translation>The action point on line %1 does not have the form description | owner | YYYY-MM-DD.</translation>
    </message>
</context>
<context>
    <name>AddDesignationDialog</name>
    <message>
        <source>Aanwijzing vastleggen</source>
        <translation>Record designation</translation>
    </message>
    <message>
        <source>&amp;Vastleggen</source>
        <translation>&amp;Record</translation>
    </message>
    <message>
        <source>Leg een aanwijzing door de Hoofddirecteur IND vast (art. 2.5 van het convenant).</source>
        <translation>Record a designation by the Director-General of the IND (art. 2.5 of the covenant).</translation>
    </message>
    <message>
        <source>&amp;Medewerker</source>
        <translation>&amp;Employee</translation>
    </message>
    <message>
        <source>bijvoorbeeld HDIND-2026/0042</source>
        <translation>for example HDIND-2026/0042</translation>
    </message>
    <message>
        <source>&amp;Kenmerk besluit</source>
        <translation>&amp;Decision reference</translation>
    </message>
    <message>
        <source>Geldig v&amp;anaf</source>
        <translation>Valid &amp;from</translation>
    </message>
    <message>
        <source>Met &amp;einddatum</source>
        <translation>&amp;With an end date</translation>
    </message>
    <message>
        <source>Geldig &amp;tot en met</source>
        <translation>Valid &amp;until (inclusive)</translation>
    </message>
    <message>
        <source>Er is nog geen gebruiker met de rol IND-inzagemedewerker.</source>
        <translation>There is no user with the role IND inspector yet.</translation>
    </message>
    <message>
        <source>Kies een medewerker.</source>
        <translation>Choose an employee.</translation>
    </message>
</context>
<context>
    <name>AddEvidenceDialog</name>
    <message>
        <source>Onderliggende gegevens toevoegen</source>
        <translation>Add underlying data</translation>
    </message>
    <message>
        <source>&amp;Toevoegen</source>
        <translation>&amp;Add</translation>
    </message>
    <message>
        <source>Het bestand wordt versleuteld bij ambtsbericht %1 opgeslagen (ten hoogste %2). Tekst, PDF en afbeeldingen zijn bij inzage te bekijken; andere bestanden worden alleen vermeld. Een item kan later niet worden gewijzigd of verwijderd.</source>
        <translation>The file is stored encrypted with official report %1 (at most %2). Text, PDF and images can be viewed during an inspection; other files are only listed. An item cannot be changed or removed later.</translation>
    </message>
    <message>
        <source>Kies een bestand</source>
        <translation>Choose a file</translation>
    </message>
    <message>
        <source>B&amp;laderen…</source>
        <translation>B&amp;rowse…</translation>
    </message>
    <message>
        <source>&amp;Bestand</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>Bestand</source>
        <translation>File</translation>
    </message>
    <message>
        <source>T&amp;itel</source>
        <translation>&amp;Title</translation>
    </message>
    <message>
        <source>&amp;Rubricering</source>
        <translation>&amp;Classification</translation>
    </message>
    <message>
        <source>Rubricering geldt (d&amp;uur)</source>
        <translation>Classification applies (d&amp;uration)</translation>
    </message>
    <message>
        <source>Waar komen de gegevens vandaan, en hoe betrouwbaar zijn ze?</source>
        <translation>Where does the data come from, and how reliable is it?</translation>
    </message>
    <message>
        <source>Bron&amp;vermelding</source>
        <translation>&amp;Source note</translation>
    </message>
    <message>
        <source>&amp;Datum van de gegevens bekend</source>
        <translation>&amp;Date of the data known</translation>
    </message>
    <message>
        <source>Datum &amp;gegevens</source>
        <translation>Dat&amp;e of the data</translation>
    </message>
    <message>
        <source>Correctie %1 (%2): %3</source>
        <translation>Correction %1 (%2): %3</translation>
    </message>
    <message>
        <source>Bij &amp;correctie</source>
        <translation>For c&amp;orrection</translation>
    </message>
    <message>
        <source>Bestand kiezen</source>
        <translation>Choose file</translation>
    </message>
    <message>
        <source>Tekst, PDF en afbeeldingen (*.txt *.pdf *.png *.jpg *.jpeg *.gif *.bmp *.tif *.tiff *.webp);;Alle bestanden (*)</source>
        <translation>Text, PDF and images (*.txt *.pdf *.png *.jpg *.jpeg *.gif *.bmp *.tif *.tiff *.webp);;All files (*)</translation>
    </message>
    <message>
        <source>Kies het bestand dat u wilt toevoegen.</source>
        <translation>Choose the file you want to add.</translation>
    </message>
</context>
<context>
    <name>AddProvisionDialog</name>
    <message>
        <source>Verstrekking vastleggen</source>
        <translation>Record a provision</translation>
    </message>
    <message>
        <source>&amp;Vastleggen</source>
        <translation>&amp;Record</translation>
    </message>
    <message>
        <source>&amp;Richting</source>
        <translation>&amp;Direction</translation>
    </message>
    <message>
        <source>&amp;Datum</source>
        <translation>Da&amp;te</translation>
    </message>
    <message>
        <source>kenmerk van het ambtsbericht of een omschrijving</source>
        <translation>reference of the official report or a description</translation>
    </message>
    <message>
        <source>&amp;Wat</source>
        <translation>&amp;What</translation>
    </message>
    <message>
        <source>&amp;Grondslag</source>
        <translation>&amp;Legal basis</translation>
    </message>
    <message>
        <source>V&amp;erstrekt door</source>
        <translation>Provided &amp;by</translation>
    </message>
    <message>
        <source>&amp;Ontvangen door</source>
        <translation>Recei&amp;ved by</translation>
    </message>
    <message>
        <source>NV-JJJJ-000000; leeg bij een spontane verstrekking</source>
        <translation>NV-YYYY-000000; empty for a spontaneous provision</translation>
    </message>
    <message>
        <source>&amp;Bij verzoek</source>
        <translation>For re&amp;quest</translation>
    </message>
    <message>
        <source>Omschrijf wat er is verstrekt.</source>
        <translation>Describe what was provided.</translation>
    </message>
</context>
<context>
    <name>AddUserDialog</name>
    <message>
        <source>Gebruiker toevoegen</source>
        <translation>Add user</translation>
    </message>
    <message>
        <source>&amp;Toevoegen</source>
        <translation>&amp;Add</translation>
    </message>
    <message>
        <source>bijvoorbeeld j.jansen</source>
        <translation>for example j.jansen</translation>
    </message>
    <message>
        <source>&amp;Gebruikersnaam</source>
        <translation>&amp;User name</translation>
    </message>
    <message>
        <source>&amp;Volledige naam</source>
        <translation>&amp;Full name</translation>
    </message>
    <message>
        <source>Geef het wachtwoord persoonlijk door: bij de eerste aanmelding kiest de gebruiker een eigen wachtwoord.</source>
        <translation>Hand the password over in person: at the first sign-in the user chooses their own.</translation>
    </message>
    <message>
        <source>&amp;Bevoegd tot en met</source>
        <translation>&amp;Cleared up to</translation>
    </message>
    <message>
        <source>Rollen</source>
        <translation>Roles</translation>
    </message>
    <message>
        <source>&amp;Wachtwoord</source>
        <translation>&amp;Password</translation>
    </message>
    <message>
        <source>Wachtwoord &amp;herhalen</source>
        <translation>&amp;Repeat password</translation>
    </message>
    <message>
        <source>De twee wachtwoorden zijn niet gelijk.</source>
        <translation>The two passwords are not the same.</translation>
    </message>
</context>
<context>
    <name>AdminPage</name>
    <message>
        <source>Beheer</source>
        <translation>Administration</translation>
    </message>
    <message>
        <source>Gebruiker&amp;s</source>
        <translation>&amp;Users</translation>
    </message>
    <message>
        <source>&amp;Aanwijzingen</source>
        <translation>&amp;Designations</translation>
    </message>
    <message>
        <source>Audittrai&amp;l</source>
        <translation>Audit &amp;trail</translation>
    </message>
    <message>
        <source>&amp;Back-up</source>
        <translation>&amp;Backup</translation>
    </message>
    <message>
        <source>&amp;Instellingen</source>
        <translation>&amp;Settings</translation>
    </message>
    <message>
        <source>Gebruiker &amp;toevoegen…</source>
        <translation>&amp;Add user…</translation>
    </message>
    <message>
        <source>Wi&amp;jzigen…</source>
        <translation>&amp;Edit…</translation>
    </message>
    <message>
        <source>Dea&amp;ctiveren…</source>
        <translation>Deacti&amp;vate…</translation>
    </message>
    <message>
        <source>Activ&amp;eren…</source>
        <translation>Activat&amp;e…</translation>
    </message>
    <message>
        <source>Wachtwoord he&amp;rstellen…</source>
        <translation>Reset &amp;password…</translation>
    </message>
    <message>
        <source>Account &amp;deblokkeren</source>
        <translation>Un&amp;lock account</translation>
    </message>
    <message>
        <source>Vernieuwen</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <source>IND-inzagemedewerkers mogen alleen inzien met een geldige aanwijzing door de Hoofddirecteur IND.</source>
        <translation>IND inspectors may only inspect with a valid designation by the Director-General of the IND.</translation>
    </message>
    <message>
        <source>Aanwijzing &amp;vastleggen…</source>
        <translation>Rec&amp;ord designation…</translation>
    </message>
    <message>
        <source>Ee&amp;rder beëindigen…</source>
        <translation>End ear&amp;ly…</translation>
    </message>
    <message>
        <source>In&amp;trekken…</source>
        <translation>Revo&amp;ke…</translation>
    </message>
    <message>
        <source>Kies een aanwijzing om de geschiedenis van de medewerker te zien.</source>
        <translation>Choose a designation to see the history of that staff member.</translation>
    </message>
    <message>
        <source>Een back-up is versleuteld en controleert zichzelf bij het terugzetten. Bewaar hem op een plek die past bij de hoogste rubricering in de werkplek.</source>
        <translation>A backup is encrypted and checks itself when restored. Keep it in a place that fits the highest classification in the workspace.</translation>
    </message>
    <message>
        <source>Terugzetten kan alleen met de herstelsleutel die gold toen de back-up werd gemaakt: bewaar na een nieuwe herstelsleutel ook de vorige, zolang er back-ups van toen zijn.</source>
        <translation>Restoring works only with the recovery key that was valid when the backup was made: after a new recovery key, keep the previous one too, as long as backups from then exist.</translation>
    </message>
    <message>
        <source>✔ Back-up gemaakt: %1 (%2).</source>
        <translation>✔ Backup made: %1 (%2).</translation>
    </message>
    <message>
        <source>Back-up &amp;maken…</source>
        <translation>&amp;Make backup…</translation>
    </message>
    <message>
        <source>Kies eerst een gebruiker.</source>
        <translation>Choose a user first.</translation>
    </message>
    <message>
        <source>⚠ Rollen die niet samen mogen: %1. %2 Kies bij Wijzigen rollen van één dienst; niets wordt vanzelf aangepast.</source>
        <translation>⚠ Roles that may not be combined: %1. %2 Under Edit, choose roles of one service; nothing is changed automatically.</translation>
    </message>
    <message>
        <source>Het account van %1 is gedeblokkeerd.</source>
        <translation>The account of %1 has been unlocked.</translation>
    </message>
    <message>
        <source>Het account van %1 was niet geblokkeerd.</source>
        <translation>The account of %1 was not locked.</translation>
    </message>
    <message>
        <source>Kies eerst een aanwijzing.</source>
        <translation>Choose a designation first.</translation>
    </message>
    <message>
        <source>Geschiedenis van de aanwijzingen van %1</source>
        <translation>History of the designations of %1</translation>
    </message>
    <message>
        <source>Back-up opslaan</source>
        <translation>Save backup</translation>
    </message>
    <message>
        <source>Back-up van de werkplek (*.backup)</source>
        <translation>Workspace backup (*.backup)</translation>
    </message>
    <message>
        <source>Bezig met de back-up…</source>
        <translation>Making the backup…</translation>
    </message>
</context>
<context>
    <name>AmendmentDialog</name>
    <message>
        <source>Wijziging verzoeken (art. 4.1)</source>
        <translation>Request an amendment (art. 4.1)</translation>
    </message>
    <message>
        <source>&amp;Vastleggen</source>
        <translation>&amp;Record</translation>
    </message>
    <message>
        <source>welk onderdeel, en hoe het luidt</source>
        <translation>which part, and how it reads</translation>
    </message>
    <message>
        <source>Voorgestelde &amp;wijziging</source>
        <translation>Proposed &amp;amendment</translation>
    </message>
    <message>
        <source>&amp;Datum van het verzoek</source>
        <translation>&amp;Date of the request</translation>
    </message>
    <message>
        <source>Voorgestelde datum van &amp;inwerkingtreding</source>
        <translation>Proposed date of &amp;entry into force</translation>
    </message>
    <message>
        <source>De wijziging behoeft de instemming van beide partijen; zij treedt niet eerder in werking dan de dag na de tweede instemming.</source>
        <translation>The amendment needs the consent of both parties; it enters into force no earlier than the day after the second consent.</translation>
    </message>
    <message>
        <source>Beschrijf de voorgestelde wijziging.</source>
        <translation>Describe the proposed amendment.</translation>
    </message>
</context>
<context>
    <name>AmendmentTableModel</name>
    <message>
        <source>Nr.</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Verzocht door</source>
        <translation>Requested by</translation>
    </message>
    <message>
        <source>Datum verzoek</source>
        <translation>Date of request</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>In werking per</source>
        <translation>In force from</translation>
    </message>
</context>
<context>
    <name>AnnexDialog</name>
    <message>
        <source>Niet-openbare bijlage vastleggen</source>
        <translation>Record the non-public annex</translation>
    </message>
    <message>
        <source>&amp;Vastleggen</source>
        <translation>&amp;Record</translation>
    </message>
    <message>
        <source>&amp;Rubricering</source>
        <translation>&amp;Classification</translation>
    </message>
    <message>
        <source>Rubricering &amp;geldt</source>
        <translation>Classification &amp;applies</translation>
    </message>
    <message>
        <source>&amp;Tekst</source>
        <translation>&amp;Text</translation>
    </message>
    <message>
        <source>De tekst van de bijlage is leeg.</source>
        <translation>The text of the annex is empty.</translation>
    </message>
</context>
<context>
    <name>AnnotationPanel</name>
    <message>
        <source>Opmerkingen van de IND-liaison</source>
        <translation>Comments of the IND liaison</translation>
    </message>
    <message>
        <source>Nog geen opmerkingen.</source>
        <translation>No comments yet.</translation>
    </message>
    <message>
        <source>Opmerking wij&amp;zigen…</source>
        <translation>&amp;Edit comment…</translation>
    </message>
    <message>
        <source>Opmerking intr&amp;ekken…</source>
        <translation>&amp;Withdraw comment…</translation>
    </message>
    <message>
        <source>A&amp;fgehandeld…</source>
        <translation>Mark as &amp;dealt with…</translation>
    </message>
    <message>
        <source>Ingetrokken door de IND-liaison.</source>
        <translation>Withdrawn by the IND liaison.</translation>
    </message>
    <message>
        <source>Verouderd: de geciteerde passage uit versie %1 komt in versie %2 niet meer voor.</source>
        <translation>Outdated: the quoted passage from version %1 no longer occurs in version %2.</translation>
    </message>
    <message>
        <source>%1 — ⚠ verouderd (passage uit versie %2 komt niet meer voor)</source>
        <translation>%1 — ⚠ outdated (passage from version %2 no longer occurs)</translation>
    </message>
    <message>
        <source>%1 — bij versie %2</source>
        <translation>%1 — on version %2</translation>
    </message>
    <message>
        <source>— %1, %2</source>
        <translation>— %1, %2</translation>
    </message>
    <message>
        <source>✖ ingetrokken</source>
        <translation>✖ withdrawn</translation>
    </message>
    <message>
        <source>%1 (gewijzigd)</source>
        <translation>%1 (edited)</translation>
    </message>
    <message>
        <source>✔ Afgehandeld door %1: %2</source>
        <translation>✔ Dealt with by %1: %2</translation>
    </message>
</context>
<context>
    <name>AppController</name>
    <message>
        <source>De werkplek is aangemaakt. Meld u aan als functioneel beheerder.</source>
        <translation>The workspace has been created. Sign in as the application administrator.</translation>
    </message>
    <message>
        <source>De oefenwerkplek wordt klaargezet…</source>
        <translation>Preparing the practice workspace…</translation>
    </message>
    <message>
        <source>Er is geen sleutelring beschikbaar.</source>
        <translation>No keyring is available.</translation>
    </message>
    <message>
        <source>In deze map staat geen werkplek. Maak er een met &apos;werkplek init&apos;, of start met --data-dir en de map van een bestaande werkplek.</source>
        <translation>This folder holds no workspace. Create one with &apos;werkplek init&apos;, or start with --data-dir and the folder of an existing workspace.</translation>
    </message>
    <message>
        <source>Afgemeld: kies bij de volgende aanmelding een eigen wachtwoord.</source>
        <translation>Signed out: choose your own password at the next sign-in.</translation>
    </message>
    <message>
        <source>De back-up is teruggezet. Meld u aan met het nieuwe wachtwoord.</source>
        <translation>The backup has been restored. Sign in with the new password.</translation>
    </message>
    <message numerus="yes">
        <source>De werkplek is opnieuw gekoppeld (%n accounts). Meld u aan zoals altijd.</source>
        <translation>
            <numerusform>The workspace has been bound again (%n account). Sign in as usual.</numerusform>
            <numerusform>The workspace has been bound again (%n accounts). Sign in as usual.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>De werkplek is vergrendeld na %n minuten zonder activiteit. Meld u opnieuw aan om verder te werken.</source>
        <translation>
            <numerusform>The workstation was locked after %n minute without activity. Sign in again to continue.</numerusform>
            <numerusform>The workstation was locked after %n minutes without activity. Sign in again to continue.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>U bent %n uur aangemeld geweest, het maximum voor één sessie. Meld u opnieuw aan om verder te werken.</source>
        <translation>
            <numerusform>You have been signed in for %n hour, the maximum for one session. Sign in again to continue.</numerusform>
            <numerusform>You have been signed in for %n hours, the maximum for one session. Sign in again to continue.</numerusform>
        </translation>
    </message>
    <message>
        <source>De werkplek is vergrendeld omdat het bureaublad werd vergrendeld. Meld u opnieuw aan om verder te werken.</source>
        <translation>The workstation was locked because the desktop was locked. Sign in again to continue.</translation>
    </message>
    <message>
        <source>Uw account is geblokkeerd na te veel onjuiste wachtwoorden. Uw niet-opgeslagen werk is bewaard; de functioneel beheerder kan het account deblokkeren.</source>
        <translation>Your account has been locked after too many wrong passwords. Your unsaved work has been kept; the application administrator can unlock the account.</translation>
    </message>
    <message>
        <source>De werkplek is vergrendeld. Meld u opnieuw aan om verder te werken.</source>
        <translation>The workstation is locked. Sign in again to continue.</translation>
    </message>
    <message>
        <source>u zich afmeldt</source>
        <translation>sign out</translation>
    </message>
    <message>
        <source>u afsluit</source>
        <translation>quit</translation>
    </message>
</context>
<context>
    <name>ApproveDialog</name>
    <message>
        <source>Uitvoeringsplan %1, versie %2 goedkeuren</source>
        <translation>Approve implementation plan %1, version %2</translation>
    </message>
    <message>
        <source>&amp;Goedkeuren</source>
        <translation>&amp;Approve</translation>
    </message>
    <message>
        <source>&amp;Kenmerk van het besluit</source>
        <translation>Decision re&amp;ference</translation>
    </message>
    <message>
        <source>&amp;Datum van de goedkeuring</source>
        <translation>&amp;Date of the approval</translation>
    </message>
    <message>
        <source>Vul het kenmerk van het besluit in.</source>
        <translation>Enter the reference of the decision.</translation>
    </message>
</context>
<context>
    <name>AttentionTableModel</name>
    <message>
        <source>Signaal</source>
        <translation>Signal</translation>
    </message>
    <message>
        <source>Termijn</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>Kenmerk</source>
        <translation>Reference</translation>
    </message>
    <message>
        <source>Betrokkene</source>
        <translation>Subject</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>AuditDetails</name>
    <message>
        <source>Vermelding</source>
        <translation>Entry</translation>
    </message>
    <message>
        <source>Handeling</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Betreft</source>
        <translation>Concerns</translation>
    </message>
    <message>
        <source>Gebruiker</source>
        <translation>User</translation>
    </message>
    <message>
        <source>Tijd</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Resultaat</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>Herkomst</source>
        <translation>Origin</translation>
    </message>
    <message>
        <source>Hash</source>
        <translation>Hash</translation>
    </message>
    <message>
        <source>Vorige hash</source>
        <translation>Previous hash</translation>
    </message>
    <message>
        <source>Zoals opgeslagen: %1</source>
        <translation>As stored: %1</translation>
    </message>
</context>
<context>
    <name>AuditDetailsDialog</name>
    <message>
        <source>Vermelding %1 in de audittrail</source>
        <translation>Entry %1 in the audit trail</translation>
    </message>
    <message>
        <source>Details van de vermelding</source>
        <translation>Details of the entry</translation>
    </message>
</context>
<context>
    <name>AuditTab</name>
    <message>
        <source>E&amp;xporteren (CSV)…</source>
        <translation>E&amp;xport (CSV)…</translation>
    </message>
    <message>
        <source>Vernieuwen</source>
        <translation>Re&amp;fresh</translation>
    </message>
    <message>
        <source>Eerder anke&amp;r (optioneel)</source>
        <translation>Earlier ancho&amp;r (optional)</translation>
    </message>
    <message>
        <source>VOLGNUMMER:HASH</source>
        <translation>SEQUENCE:HASH</translation>
    </message>
    <message>
        <source>Eerder anker</source>
        <translation>Earlier anchor</translation>
    </message>
    <message>
        <source>Audittrail &amp;controleren</source>
        <translation>Chec&amp;k audit trail</translation>
    </message>
    <message>
        <source>Ankers &amp;tonen</source>
        <translation>Sh&amp;ow anchors</translation>
    </message>
    <message>
        <source>Een eerder genoteerd anker invullen, of de kop van de keten kopiëren.</source>
        <translation>Enter an anchor noted earlier, or copy the head of the chain.</translation>
    </message>
    <message>
        <source>K&amp;op van de keten (anker)</source>
        <translation>Head of the chain (anch&amp;or)</translation>
    </message>
    <message>
        <source>Kop van de keten</source>
        <translation>Head of the chain</translation>
    </message>
    <message>
        <source>na de controle</source>
        <translation>after the check</translation>
    </message>
    <message>
        <source>Kopiëren</source>
        <translation>Copy</translation>
    </message>
    <message>
        <source>Acco&amp;unt</source>
        <translation>&amp;Account</translation>
    </message>
    <message>
        <source>Alle accounts</source>
        <translation>All accounts</translation>
    </message>
    <message>
        <source>Alle handelingen</source>
        <translation>All actions</translation>
    </message>
    <message>
        <source>Alleen &amp;periode</source>
        <translation>Only &amp;period</translation>
    </message>
    <message>
        <source>Periode vanaf</source>
        <translation>Period from</translation>
    </message>
    <message>
        <source>Periode tot en met</source>
        <translation>Period until</translation>
    </message>
    <message>
        <source>t/m</source>
        <translation>to</translation>
    </message>
    <message>
        <source>Audittrail exporteren</source>
        <translation>Export audit trail</translation>
    </message>
    <message>
        <source>CSV-bestand voor Excel (*.csv)</source>
        <translation>CSV file for Excel (*.csv)</translation>
    </message>
    <message>
        <source>Bezig met exporteren…</source>
        <translation>Exporting…</translation>
    </message>
    <message>
        <source>✔ 1 vermelding geëxporteerd naar %1.</source>
        <translation>✔ 1 entry exported to %1.</translation>
    </message>
    <message numerus="yes">
        <source>✔ %n vermeldingen geëxporteerd naar %1.</source>
        <translation>
            <numerusform>✔ %n entry exported to %1.</numerusform>
            <numerusform>✔ %n entries exported to %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Bezig met controleren…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <source>✔ In orde: de audittrail telt %1 vermeldingen en de keten is ongeschonden.</source>
        <translation>✔ In order: the audit trail has %1 entries and the chain is intact.</translation>
    </message>
    <message>
        <source>✖ Niet in orde: %1. Vermeldingen tot en met nummer %2 zijn in orde.</source>
        <translation>✖ Not in order: %1. Entries up to and including number %2 are in order.</translation>
    </message>
    <message>
        <source>✖ Niet in orde: %1</source>
        <translation>✖ Not in order: %1</translation>
    </message>
    <message>
        <source>✖ Niet in orde: de keten is ongeschonden, maar de database meldt schade (%1).</source>
        <translation>✖ Not in order: the chain is intact, but the database reports damage (%1).</translation>
    </message>
    <message>
        <source>Vermeldingen die aan de filters voldoen: %1 (nieuwste eerst, hoogstens %2)</source>
        <translation>Entries matching the filters: %1 (newest first, at most %2)</translation>
    </message>
    <message>
        <source>Nieuwste vermeldingen: %1 (hoogstens %2)</source>
        <translation>Newest entries: %1 (at most %2)</translation>
    </message>
    <message>
        <source>&amp;Details…</source>
        <translation>Detai&amp;ls…</translation>
    </message>
    <message>
        <source>Ha&amp;ndeling</source>
        <translation>Actio&amp;n</translation>
    </message>
</context>
<context>
    <name>AuditTableModel</name>
    <message>
        <source>Nr.</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Gebruiker</source>
        <translation>User</translation>
    </message>
    <message>
        <source>Handeling</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Resultaat</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Tijd</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Betreft</source>
        <translation>Concerns</translation>
    </message>
</context>
<context>
    <name>BucketTile</name>
    <message>
        <source>Toon deze verzoeken in de lijst</source>
        <translation>Show these requests in the list</translation>
    </message>
</context>
<context>
    <name>CalendarDayTableModel</name>
    <message>
        <source>Datum</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Dag</source>
        <translation>Day</translation>
    </message>
    <message>
        <source>Soort</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Omschrijving</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Toegevoegd door</source>
        <translation>Added by</translation>
    </message>
</context>
<context>
    <name>CalendarDaysPage</name>
    <message>
        <source>De termijn van een verzoek is tien werkdagen volgens de Algemene termijnenwet. De wettelijke feestdagen rekent de werkplek zelf uit; dagen die bij besluit met een feestdag zijn gelijkgesteld (Staatscourant) en eigen sluitingsdagen legt u hier vast.</source>
        <translation>The deadline of a request is ten working days under the General Time Limits Act. The workstation works out the statutory holidays itself; record here the days equated with a holiday by decree (Government Gazette) and your own closure days.</translation>
    </message>
    <message>
        <source>Dag &amp;toevoegen…</source>
        <translation>&amp;Add day…</translation>
    </message>
    <message>
        <source>Dag &amp;verwijderen</source>
        <translation>Re&amp;move day</translation>
    </message>
    <message>
        <source>Vernieuwen</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <source>Vastgelegde dagen</source>
        <translation>Recorded days</translation>
    </message>
    <message>
        <source>Vrije werkdagen in &amp;jaar</source>
        <translation>Days off in &amp;year</translation>
    </message>
    <message>
        <source>Vrije werkdagen</source>
        <translation>Days off</translation>
    </message>
    <message>
        <source>Voor elk jaar tot en met %1 zijn gelijkgestelde dagen vastgelegd.</source>
        <translation>Days equated by decree have been recorded for every year up to and including %1.</translation>
    </message>
    <message>
        <source>Geen gelijkgestelde dagen vastgelegd voor: %1. Termijnen in die jaren tellen zo&apos;n dag als werkdag; voeg de dagen toe zodra het besluit in de Staatscourant staat (of bekend is).</source>
        <translation>No days equated by decree recorded for: %1. Deadlines in those years count such a day as a working day; add the days as soon as the decree is in the Government Gazette (or known).</translation>
    </message>
    <message>
        <source>%1 is toegevoegd.</source>
        <translation>%1 has been added.</translation>
    </message>
    <message>
        <source>Dag verwijderen</source>
        <translation>Remove day</translation>
    </message>
    <message>
        <source>%1 weer als werkdag tellen? Open verzoeken krijgen zo nodig een nieuwe termijn.</source>
        <translation>Count %1 as a working day again? Open requests get a new deadline where needed.</translation>
    </message>
    <message>
        <source>&amp;Verwijderen</source>
        <translation>&amp;Remove</translation>
    </message>
    <message>
        <source>%1 is verwijderd.</source>
        <translation>%1 has been removed.</translation>
    </message>
    <message>
        <source>Nieuwe termijn voor %1 open verzoeken.</source>
        <translation>New deadline for %1 open requests.</translation>
    </message>
    <message>
        <source>&amp;Kalender</source>
        <translation>&amp;Calendar</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <source>Wachtwoord wijzigen</source>
        <translation>Change password</translation>
    </message>
    <message>
        <source>&amp;Wijzigen</source>
        <translation>&amp;Change</translation>
    </message>
    <message>
        <source>&amp;Huidig wachtwoord</source>
        <translation>C&amp;urrent password</translation>
    </message>
    <message>
        <source>&amp;Nieuw wachtwoord</source>
        <translation>&amp;New password</translation>
    </message>
    <message>
        <source>Nieuw wachtwoord h&amp;erhalen</source>
        <translation>&amp;Repeat new password</translation>
    </message>
    <message>
        <source>De twee nieuwe wachtwoorden zijn niet gelijk.</source>
        <translation>The two new passwords are not the same.</translation>
    </message>
</context>
<context>
    <name>CloseRequestDialog</name>
    <message>
        <source>Verzoek %1 wordt afgesloten zonder ambtsbericht. Vermeld waarom (de toezichthouder vraagt hierom).</source>
        <translation>Request %1 is closed without an official report. State why (the oversight committee asks for it).</translation>
    </message>
    <message>
        <source>Afsluiten zonder ambtsbericht</source>
        <translation>Close without an official report</translation>
    </message>
    <message>
        <source>&amp;Afsluiten</source>
        <translation>&amp;Close</translation>
    </message>
    <message>
        <source>&amp;Reden</source>
        <translation>&amp;Reason</translation>
    </message>
    <message>
        <source>bijvoorbeeld: geen gegevens over betrokkene bekend</source>
        <translation>for example: no data on the subject known</translation>
    </message>
</context>
<context>
    <name>CommentDialog</name>
    <message>
        <source>Passage</source>
        <translation>Passage</translation>
    </message>
    <message>
        <source>&amp;Opmerking</source>
        <translation>&amp;Comment</translation>
    </message>
    <message>
        <source>&amp;Toelichting (optioneel)</source>
        <translation>&amp;Explanation (optional)</translation>
    </message>
    <message>
        <source>Schrijf een opmerking.</source>
        <translation>Write a comment.</translation>
    </message>
</context>
<context>
    <name>CompareView</name>
    <message>
        <source>Van versie</source>
        <translation>&amp;From version</translation>
    </message>
    <message>
        <source>naar versie</source>
        <translation>t&amp;o version</translation>
    </message>
    <message>
        <source>Naar versie</source>
        <translation>To version</translation>
    </message>
    <message>
        <source>Vergeli&amp;jken</source>
        <translation>Com&amp;pare</translation>
    </message>
    <message>
        <source>Links de oude, rechts de nieuwe versie. − doorgehaald: verwijderd; + onderstreept: toegevoegd.</source>
        <translation>Old version on the left, new on the right. − struck through: removed; + underlined: added.</translation>
    </message>
    <message>
        <source>Oude versie</source>
        <translation>Old version</translation>
    </message>
    <message>
        <source>Nieuwe versie</source>
        <translation>New version</translation>
    </message>
    <message>
        <source>Versie %1 — %2, %3</source>
        <translation>Version %1 — %2, %3</translation>
    </message>
    <message>
        <source>Er is nog maar één versie; er valt niets te vergelijken.</source>
        <translation>There is only one version so far; there is nothing to compare.</translation>
    </message>
    <message>
        <source>Versie %1 (oud)</source>
        <translation>Version %1 (old)</translation>
    </message>
    <message>
        <source>Versie %1 (nieuw)</source>
        <translation>Version %1 (new)</translation>
    </message>
    <message>
        <source>De twee versies zijn gelijk.</source>
        <translation>The two versions are the same.</translation>
    </message>
    <message>
        <source>Gewijzigd: %1 regels · toegevoegd: %2 · verwijderd: %3</source>
        <translation>Changed: %1 lines · added: %2 · removed: %3</translation>
    </message>
</context>
<context>
    <name>ConfirmWithPasswordDialog</name>
    <message>
        <source>Uw &amp;wachtwoord</source>
        <translation>Your &amp;password</translation>
    </message>
    <message>
        <source>Vul uw wachtwoord in.</source>
        <translation>Enter your password.</translation>
    </message>
</context>
<context>
    <name>ConsultationsPage</name>
    <message>
        <source>Periodiek overleg (art. 3.2)</source>
        <translation>Periodic consultation (art. 3.2)</translation>
    </message>
    <message>
        <source>Overleg &amp;vastleggen…</source>
        <translation>Record &amp;consultation…</translation>
    </message>
    <message>
        <source>Verslag als &amp;PDF…</source>
        <translation>Minutes as &amp;PDF…</translation>
    </message>
    <message>
        <source>Ver&amp;nieuwen</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <source>De overleggen van de hoofden van AIVD en IND: deelnemers, besluiten en actiepunten, met de cijfers over de besproken periode zoals ze op het peilmoment stonden (bewaard, niet opnieuw berekend).</source>
        <translation>The consultations of the heads of the AIVD and the IND: participants, decisions and action points, with the figures for the period discussed as they stood at the reference moment (kept, not recalculated).</translation>
    </message>
    <message>
        <source>Datum</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Periode</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Open actiepunten</source>
        <translation>Open action points</translation>
    </message>
    <message>
        <source>Overleggen</source>
        <translation>Consultations</translation>
    </message>
    <message>
        <source>Kies een overleg.</source>
        <translation>Choose a consultation.</translation>
    </message>
    <message>
        <source>Actiepunten</source>
        <translation>Action points</translation>
    </message>
    <message>
        <source>Actiepunt &amp;afronden</source>
        <translation>Complete &amp;action point</translation>
    </message>
    <message>
        <source>Nr.</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Actiepunt</source>
        <translation>Action point</translation>
    </message>
    <message>
        <source>Eigenaar</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>Streefdatum</source>
        <translation>Target date</translation>
    </message>
    <message>
        <source>Afgerond</source>
        <translation>Completed</translation>
    </message>
    <message>
        <source>Cijfers (bevroren)</source>
        <translation>Figures (frozen)</translation>
    </message>
    <message>
        <source>Cijfer</source>
        <translation>Figure</translation>
    </message>
    <message>
        <source>Aantal</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>Bevroren cijfers</source>
        <translation>Frozen figures</translation>
    </message>
    <message>
        <source>Overleg van %1 (nr. %2)</source>
        <translation>Consultation of %1 (no. %2)</translation>
    </message>
    <message>
        <source>Periode %1 – %2, cijfers stand per %3.
Deelnemers: %4</source>
        <translation>Period %1 – %2, figures as at %3.
Participants: %4</translation>
    </message>
    <message>
        <source>Besluiten: %1</source>
        <translation>Decisions: %1</translation>
    </message>
    <message>
        <source>Besluiten: geen vastgelegd.</source>
        <translation>Decisions: none recorded.</translation>
    </message>
    <message>
        <source>open, te laat</source>
        <translation>open, overdue</translation>
    </message>
    <message>
        <source>open</source>
        <translation>open</translation>
    </message>
    <message>
        <source>Actiepunt afronden</source>
        <translation>Complete action point</translation>
    </message>
    <message>
        <source>Actiepunt %1 (%2) afronden per vandaag, %3? Dit kan niet ongedaan worden gemaakt: de datum van afronden en uw naam blijven vastgelegd.</source>
        <translation>Complete action point %1 (%2) as of today, %3? This cannot be undone: the completion date and your name stay on record.</translation>
    </message>
    <message>
        <source>&amp;Afronden</source>
        <translation>&amp;Complete</translation>
    </message>
    <message>
        <source>Verslag opslaan als PDF</source>
        <translation>Save minutes as PDF</translation>
    </message>
    <message>
        <source>PDF-bestand (*.pdf)</source>
        <translation>PDF file (*.pdf)</translation>
    </message>
    <message>
        <source>✔ Verslag opgeslagen als %1.</source>
        <translation>✔ Minutes saved as %1.</translation>
    </message>
</context>
<context>
    <name>CovenantDialogs</name>
    <message>
        <source>U legt dit vast namens de %1 (%2).</source>
        <translation>You are recording this on behalf of the %1 (%2).</translation>
    </message>
</context>
<context>
    <name>CovenantPage</name>
    <message>
        <source>Convenantregister</source>
        <translation>Covenant register</translation>
    </message>
    <message>
        <source>Wijziging &amp;verzoeken…</source>
        <translation>Re&amp;quest amendment…</translation>
    </message>
    <message>
        <source>&amp;Opzegging vastleggen…</source>
        <translation>Record termi&amp;nation…</translation>
    </message>
    <message>
        <source>Ver&amp;nieuwen</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <source>Titel</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Ondertekend</source>
        <translation>Signed</translation>
    </message>
    <message>
        <source>In werking</source>
        <translation>In force</translation>
    </message>
    <message>
        <source>Vervangt</source>
        <translation>Replaces</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Bijlage &amp;inzien</source>
        <translation>&amp;View annex</translation>
    </message>
    <message>
        <source>Bijlage vast&amp;leggen…</source>
        <translation>Record ann&amp;ex…</translation>
    </message>
    <message>
        <source>Niet-openbare bijlage</source>
        <translation>Non-public annex</translation>
    </message>
    <message>
        <source>De wijziging</source>
        <translation>The amendment</translation>
    </message>
    <message>
        <source>&amp;Besluit vastleggen…</source>
        <translation>Record &amp;decision…</translation>
    </message>
    <message>
        <source>Wij&amp;zigingen</source>
        <translation>A&amp;mendments</translation>
    </message>
    <message>
        <source>V&amp;ersie</source>
        <translation>Versi&amp;on</translation>
    </message>
    <message>
        <source>Tekst van het uitvoeringsplan</source>
        <translation>Text of the implementation plan</translation>
    </message>
    <message>
        <source>Plan op&amp;stellen…</source>
        <translation>Dra&amp;ft plan…</translation>
    </message>
    <message>
        <source>He&amp;rzien…</source>
        <translation>Rev&amp;ise…</translation>
    </message>
    <message>
        <source>Goed&amp;keuren…</source>
        <translation>&amp;Approve…</translation>
    </message>
    <message>
        <source>In&amp;trekken…</source>
        <translation>Wi&amp;thdraw…</translation>
    </message>
    <message>
        <source>Uitvoerings&amp;plannen</source>
        <translation>Implementation &amp;plans</translation>
    </message>
    <message>
        <source>Convenant %1</source>
        <translation>Covenant %1</translation>
    </message>
    <message>
        <source>%1 door de %2 (%3) en %4 door de %5 (%6), te %7</source>
        <translation>%1 by the %2 (%3) and %4 by the %5 (%6), in %7</translation>
    </message>
    <message>
        <source>met ingang van %1 (de dag nadat beide partijen ondertekenden)</source>
        <translation>with effect from %1 (the day after both parties signed)</translation>
    </message>
    <message>
        <source> — opgezegd door de %1 bij brief van %2</source>
        <translation> — terminated by the %1 by letter of %2</translation>
    </message>
    <message>
        <source>versie %1, %2, vastgelegd door %3</source>
        <translation>version %1, %2, recorded by %3</translation>
    </message>
    <message>
        <source>vastgelegd (alleen voor wie daartoe bevoegd is)</source>
        <translation>recorded (only for those authorised)</translation>
    </message>
    <message>
        <source>nog niet vastgelegd</source>
        <translation>not recorded yet</translation>
    </message>
    <message>
        <source>Kies een wijziging om het verzoek en de besluiten te zien.</source>
        <translation>Choose an amendment to see the request and the decisions.</translation>
    </message>
    <message>
        <source>Er is nog geen wijziging van het convenant verzocht.</source>
        <translation>No amendment of the covenant has been requested yet.</translation>
    </message>
    <message>
        <source>Kies eerst een wijziging.</source>
        <translation>Choose an amendment first.</translation>
    </message>
    <message>
        <source>Wijziging %1, verzocht door de %2 op %3: %4</source>
        <translation>Amendment %1, requested by the %2 on %3: %4</translation>
    </message>
    <message>
        <source>(De tekst van het verzoek is niet zichtbaar voor u.)</source>
        <translation>(The text of the request is not visible to you.)</translation>
    </message>
    <message>
        <source>Voorgestelde datum van inwerkingtreding: %1</source>
        <translation>Proposed date of entry into force: %1</translation>
    </message>
    <message>
        <source>%1: %2 op %3 (besluit %4; vastgelegd door %5)</source>
        <translation>%1: %2 on %3 (decision %4; recorded by %5)</translation>
    </message>
    <message>
        <source>%1: nog geen besluit</source>
        <translation>%1: no decision yet</translation>
    </message>
    <message>
        <source>Kies eerst een uitvoeringsplan.</source>
        <translation>Choose an implementation plan first.</translation>
    </message>
    <message>
        <source>Dit uitvoeringsplan is niet zichtbaar voor u (rubricering of rol).</source>
        <translation>This implementation plan is not visible to you (classification or role).</translation>
    </message>
    <message>
        <source>Kies een uitvoeringsplan.</source>
        <translation>Choose an implementation plan.</translation>
    </message>
    <message>
        <source>Plan %1: %2 — %3, %4</source>
        <translation>Plan %1: %2 — %3, %4</translation>
    </message>
    <message>
        <source>goedgekeurd door de %1 op %2 (%3)</source>
        <translation>approved by the %1 on %2 (%3)</translation>
    </message>
    <message>
        <source>Versie %1: </source>
        <translation>Version %1: </translation>
    </message>
    <message>
        <source>Versie %1: nog door geen van beide hoofden goedgekeurd.</source>
        <translation>Version %1: not yet approved by either head.</translation>
    </message>
    <message>
        <source>Goedkeuringen van eerdere versies tellen niet meer: elke nieuwe versie vraagt de goedkeuring van beide hoofden.</source>
        <translation>Approvals of earlier versions no longer count: every new version needs the approval of both heads.</translation>
    </message>
    <message>
        <source>Ingetrokken door %1: %2</source>
        <translation>Withdrawn by %1: %2</translation>
    </message>
    <message>
        <source>De nieuwe versie is vastgelegd; de goedkeuring van de vorige versie is vervallen. Beide hoofden keuren deze versie opnieuw goed.</source>
        <translation>The new version has been recorded; the approval of the previous version has lapsed. Both heads approve this version again.</translation>
    </message>
    <message>
        <source>U bekijkt een eerdere versie; die is alleen te lezen.</source>
        <translation>You are viewing an earlier version; it is read-only.</translation>
    </message>
    <message>
        <source>De huidige tekst wordt geladen…</source>
        <translation>Loading the current text…</translation>
    </message>
    <message>
        <source>Niet-openbare bijlage, versie %1</source>
        <translation>Non-public annex, version %1</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>Termijnen</source>
        <translation>Deadlines</translation>
    </message>
    <message>
        <source>Vernieuwen</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <source>Overzicht</source>
        <translation>Overview</translation>
    </message>
    <message>
        <source>Vernieuwen (F5)</source>
        <translation>Refresh (F5)</translation>
    </message>
    <message>
        <source>Wat op u wacht</source>
        <translation>What is waiting for you</translation>
    </message>
    <message>
        <source>Eerst aandacht nodig</source>
        <translation>Needs attention first</translation>
    </message>
    <message>
        <source>✔ Geen verzoeken over of op de termijn, en geen waarschuwingen.</source>
        <translation>✔ No requests past or at their deadline, and no warnings.</translation>
    </message>
    <message>
        <source>Stand van %1. De termijn is tien werkdagen na ontvangst (Algemene termijnenwet); een waarschuwing volgt vanaf werkdag %2 als de liaison nog geen uitstelbericht heeft.</source>
        <translation>As of %1. The deadline is ten working days after receipt (General Time Limits Act); a warning follows from working day %2 when the liaison has had no delay notice yet.</translation>
    </message>
</context>
<context>
    <name>DeactivateUserDialog</name>
    <message>
        <source>Gebruiker deactiveren</source>
        <translation>Deactivate user</translation>
    </message>
    <message>
        <source>&amp;Deactiveren</source>
        <translation>&amp;Deactivate</translation>
    </message>
    <message>
        <source>%1 (%2) kan zich daarna niet meer aanmelden; het wachtwoord opent de werkplek niet meer. Het account blijft bestaan: de audittrail en de geschiedenis van de ambtsberichten verwijzen ernaar. Later weer activeren kan, met een nieuw beginwachtwoord.</source>
        <translation>%1 (%2) can no longer sign in afterwards; the password no longer opens the workspace. The account remains: the audit trail and the history of the official reports refer to it. It can be activated again later, with a new initial password.</translation>
    </message>
</context>
<context>
    <name>DecisionDialog</name>
    <message>
        <source>Deze wijziging bestaat niet meer.</source>
        <translation>This amendment no longer exists.</translation>
    </message>
    <message>
        <source>Besluit over wijziging %1</source>
        <translation>Decision on amendment %1</translation>
    </message>
    <message>
        <source>&amp;Vastleggen</source>
        <translation>&amp;Record</translation>
    </message>
    <message>
        <source>&amp;Ingestemd</source>
        <translation>&amp;Agreed</translation>
    </message>
    <message>
        <source>&amp;Niet ingestemd</source>
        <translation>&amp;Not agreed</translation>
    </message>
    <message>
        <source>Besluit</source>
        <translation>Decision</translation>
    </message>
    <message>
        <source>bijvoorbeeld DG-AIVD 2027/12</source>
        <translation>for example DG-AIVD 2027/12</translation>
    </message>
    <message>
        <source>&amp;Kenmerk van het besluit</source>
        <translation>Decision re&amp;ference</translation>
    </message>
    <message>
        <source>&amp;Datum van het besluit</source>
        <translation>&amp;Date of the decision</translation>
    </message>
    <message>
        <source>Vul het kenmerk van het besluit in.</source>
        <translation>Enter the reference of the decision.</translation>
    </message>
</context>
<context>
    <name>DelayNoticeDialog</name>
    <message>
        <source>Leg vast dat de IND-liaison is geïnformeerd dat het ambtsbericht bij verzoek %1 niet binnen de termijn (%2) kan worden uitgebracht.</source>
        <translation>Record that the IND liaison was informed that the official report for request %1 cannot be issued within the deadline (%2).</translation>
    </message>
    <message>
        <source>Uitstel melden aan de liaison</source>
        <translation>Notify the liaison of a delay</translation>
    </message>
    <message>
        <source>&amp;Vastleggen</source>
        <translation>&amp;Record</translation>
    </message>
    <message>
        <source>Gemeld door</source>
        <translation>Notified by</translation>
    </message>
    <message>
        <source>Bezig met laden…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>&amp;Liaison geïnformeerd</source>
        <translation>&amp;Liaison informed</translation>
    </message>
    <message>
        <source>&amp;Datum van de melding</source>
        <translation>&amp;Date of the notice</translation>
    </message>
    <message>
        <source>&amp;Reden van de vertraging</source>
        <translation>Rea&amp;son for the delay</translation>
    </message>
    <message>
        <source>geen liaison-account: niet vastgelegd</source>
        <translation>no liaison account: not recorded</translation>
    </message>
    <message>
        <source>De termijn is al verstreken: de melding telt als tijdig, maar wordt gemarkeerd als achteraf vastgelegd.</source>
        <translation>The deadline has already passed: the notice counts as on time, but is marked as recorded afterwards.</translation>
    </message>
    <message>
        <source>Deze datum ligt na de termijn: de melding wordt vastgelegd, maar telt niet als tijdig.</source>
        <translation>This date is after the deadline: the notice is recorded but does not count as on time.</translation>
    </message>
</context>
<context>
    <name>DesignationHistoryModel</name>
    <message>
        <source>Kenmerk besluit</source>
        <translation>Decision reference</translation>
    </message>
    <message>
        <source>Geldig vanaf</source>
        <translation>Valid from</translation>
    </message>
    <message>
        <source>Geldig tot en met</source>
        <translation>Valid until</translation>
    </message>
    <message>
        <source>Stand</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Wijzigingen</source>
        <translation>Changes</translation>
    </message>
    <message>
        <source>onbepaald</source>
        <translation>open-ended</translation>
    </message>
    <message>
        <source>ingetrokken</source>
        <translation>withdrawn</translation>
    </message>
    <message>
        <source>geldig</source>
        <translation>valid</translation>
    </message>
    <message>
        <source>gaat nog in</source>
        <translation>not yet in force</translation>
    </message>
    <message>
        <source>afgelopen</source>
        <translation>ended</translation>
    </message>
    <message>
        <source>ingetrokken (besluit %1) door %2 op %3</source>
        <translation>revoked (decision %1) by %2 on %3</translation>
    </message>
    <message>
        <source>beëindigd per %4 (besluit %1) door %2 op %3</source>
        <translation>ended as of %4 (decision %1) by %2 on %3</translation>
    </message>
</context>
<context>
    <name>DesignationTableModel</name>
    <message>
        <source>Medewerker</source>
        <translation>Employee</translation>
    </message>
    <message>
        <source>Kenmerk besluit</source>
        <translation>Decision reference</translation>
    </message>
    <message>
        <source>Geldig vanaf</source>
        <translation>Valid from</translation>
    </message>
    <message>
        <source>Geldig tot en met</source>
        <translation>Valid until</translation>
    </message>
    <message>
        <source>Nu geldig</source>
        <translation>Valid now</translation>
    </message>
    <message>
        <source>Vastgelegd door</source>
        <translation>Recorded by</translation>
    </message>
    <message>
        <source>onbepaald</source>
        <translation>open-ended</translation>
    </message>
    <message>
        <source>ja</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>nee</source>
        <translation>no</translation>
    </message>
</context>
<context>
    <name>DialogDrafts</name>
    <message>
        <source>Dit was al verstuurd toen de werkplek vergrendelde. Kijk eerst of het is vastgelegd voordat u het opnieuw doet.</source>
        <translation>This had already been sent when the workstation locked. Check whether it was recorded before you do it again.</translation>
    </message>
    <message>
        <source>ja</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>nee</source>
        <translation>no</translation>
    </message>
    <message>
        <source>Niet-opgeslagen invoer</source>
        <translation>Unsaved input</translation>
    </message>
    <message>
        <source>&amp;Kopiëren</source>
        <translation>&amp;Copy</translation>
    </message>
    <message>
        <source>&amp;Sluiten</source>
        <translation>C&amp;lose</translation>
    </message>
    <message>
        <source>Dit venster kan niet opnieuw worden geopend. Wat u had ingevuld staat hieronder, om over te nemen.</source>
        <translation>This window cannot be opened again. What you had filled in is below, to copy.</translation>
    </message>
    <message>
        <source>Het venster dat u open had kan niet opnieuw worden geopend: %1 Wat u had ingevuld staat hieronder, om over te nemen.</source>
        <translation>The window you had open cannot be opened again: %1 What you had filled in is below, to copy.</translation>
    </message>
</context>
<context>
    <name>DurationDialog</name>
    <message>
        <source>Rubriceringsduur vastleggen</source>
        <translation>Record classification period</translation>
    </message>
    <message>
        <source>Vastleggen</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>&amp;Rubricering geldt</source>
        <translation>&amp;Classification applies</translation>
    </message>
    <message>
        <source>Kies een datum of beschrijf de gebeurtenis.</source>
        <translation>Choose a date or describe the event.</translation>
    </message>
</context>
<context>
    <name>DurationField</name>
    <message>
        <source>niet vastgelegd</source>
        <translation>not recorded</translation>
    </message>
    <message>
        <source>tot en met datum</source>
        <translation>up to and including a date</translation>
    </message>
    <message>
        <source>tot gebeurtenis</source>
        <translation>until an event</translation>
    </message>
    <message>
        <source>bijvoorbeeld: beëindiging van het convenant</source>
        <translation>for example: termination of the covenant</translation>
    </message>
    <message>
        <source>Rubriceringsduur</source>
        <translation>Classification period</translation>
    </message>
    <message>
        <source>Rubricering geldt tot en met</source>
        <translation>Classification applies up to and including</translation>
    </message>
    <message>
        <source>Rubricering geldt tot de gebeurtenis</source>
        <translation>Classification applies until the event</translation>
    </message>
    <message>
        <source>bijvoorbeeld: afronding van het onderzoek</source>
        <translation>for example: completion of the investigation</translation>
    </message>
</context>
<context>
    <name>EditUserDialog</name>
    <message>
        <source>Dit account bestaat niet meer.</source>
        <translation>This account no longer exists.</translation>
    </message>
    <message>
        <source>Gebruiker %1 wijzigen</source>
        <translation>Edit user %1</translation>
    </message>
    <message>
        <source>&amp;Opslaan</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>Gebruikersnaam</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>&amp;Volledige naam</source>
        <translation>&amp;Full name</translation>
    </message>
    <message>
        <source>⚠ De huidige rollen mogen niet samen: %1 Kies rollen van één dienst.</source>
        <translation>⚠ The current roles may not be combined: %1 Choose roles of one service.</translation>
    </message>
    <message>
        <source>&amp;Bevoegd tot en met</source>
        <translation>&amp;Cleared up to</translation>
    </message>
</context>
<context>
    <name>EndDesignationDialog</name>
    <message>
        <source>Deze aanwijzing bestaat niet meer.</source>
        <translation>This designation no longer exists.</translation>
    </message>
    <message>
        <source>Aanwijzing intrekken</source>
        <translation>Revoke designation</translation>
    </message>
    <message>
        <source>Aanwijzing beëindigen</source>
        <translation>End designation</translation>
    </message>
    <message>
        <source>&amp;Intrekken</source>
        <translation>&amp;Revoke</translation>
    </message>
    <message>
        <source>&amp;Beëindigen</source>
        <translation>&amp;End</translation>
    </message>
    <message>
        <source>De aanwijzing %1 van %2 vervalt per vandaag: inzage is vanaf nu niet meer mogelijk. Eerdere inzagen blijven vastgelegd.</source>
        <translation>Designation %1 of %2 lapses as of today: inspection is no longer possible from now on. Earlier inspections stay on record.</translation>
    </message>
    <message>
        <source>De aanwijzing %1 van %2 eindigt eerder: de laatste geldige dag kiest u hieronder (vandaag of later).</source>
        <translation>Designation %1 of %2 ends early: choose the last valid day below (today or later).</translation>
    </message>
    <message>
        <source>bijvoorbeeld HDIND-2026/0077</source>
        <translation>for example HDIND-2026/0077</translation>
    </message>
    <message>
        <source>&amp;Kenmerk besluit</source>
        <translation>&amp;Decision reference</translation>
    </message>
    <message>
        <source>Laatste &amp;geldige dag</source>
        <translation>Last &amp;valid day</translation>
    </message>
</context>
<context>
    <name>EndInspectionDialog</name>
    <message>
        <source>Inzage beëindigen</source>
        <translation>End inspection</translation>
    </message>
    <message>
        <source>Inzage &amp;beëindigen</source>
        <translation>&amp;End inspection</translation>
    </message>
    <message>
        <source>U beëindigt de inzage in %1. De items van deze inzage kunt u daarna niet meer openen; uw aantekeningen worden bij de inzage bewaard.</source>
        <translation>You are ending the inspection of %1. After that you can no longer open the items of this inspection; your notes are kept with the inspection.</translation>
    </message>
</context>
<context>
    <name>EvidenceTab</name>
    <message>
        <source>Onderliggende gegevens</source>
        <translation>Underlying data</translation>
    </message>
    <message>
        <source>G&amp;egevens toevoegen…</source>
        <translation>Add &amp;data…</translation>
    </message>
    <message>
        <source>Inzagen door de IND</source>
        <translation>Inspections by the IND</translation>
    </message>
    <message>
        <source>De gegevens waarop dit ambtsbericht steunt. De inhoud is alleen bij inzage te bekijken.</source>
        <translation>The data on which this official report is based. The content can only be viewed during an inspection.</translation>
    </message>
    <message>
        <source>Het ambtsbericht is uitgebracht; de onderliggende gegevens liggen vast. Gegevens die er nu bij komen, horen bij een vastgelegde correctie.</source>
        <translation>The official report has been issued; the underlying data is fixed. Data added now belongs to a recorded correction.</translation>
    </message>
    <message>
        <source>Onderliggende gegevens (%1)</source>
        <translation>Underlying data (%1)</translation>
    </message>
    <message>
        <source>Inzagen door de IND (mogelijk zodra het ambtsbericht is uitgebracht)</source>
        <translation>Inspections by the IND (possible once the official report has been issued)</translation>
    </message>
    <message>
        <source>Inzagen door de IND (%1)</source>
        <translation>Inspections by the IND (%1)</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is toegevoegd (%2, %3).</source>
        <translation>&apos;%1&apos; has been added (%2, %3).</translation>
    </message>
</context>
<context>
    <name>EvidenceTableModel</name>
    <message>
        <source>Titel</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Soort</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Rubricering</source>
        <translation>Classification</translation>
    </message>
    <message>
        <source>Grootte</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>Bron</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Datum gegevens</source>
        <translation>Date of the data</translation>
    </message>
    <message>
        <source>Toegevoegd</source>
        <translation>Added</translation>
    </message>
    <message>
        <source>Rubricering geldt</source>
        <translation>Classification applies</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source> (bij correctie %1)</source>
        <translation> (with correction %1)</translation>
    </message>
</context>
<context>
    <name>FindingEditor</name>
    <message>
        <source>Bevinding verwijderen</source>
        <translation>Remove finding</translation>
    </message>
    <message>
        <source>Wat is gebleken (één bevinding).</source>
        <translation>What was found (one finding).</translation>
    </message>
    <message>
        <source>&amp;Betrouwbaarheid</source>
        <translation>Relia&amp;bility</translation>
    </message>
    <message>
        <source>— niet opgegeven —</source>
        <translation>— not stated —</translation>
    </message>
    <message>
        <source>o&amp;f bronverwijzing</source>
        <translation>or so&amp;urce reference</translation>
    </message>
    <message>
        <source>kenmerk brondocument</source>
        <translation>reference of the source document</translation>
    </message>
    <message>
        <source>&amp;Datum gegevens</source>
        <translation>&amp;Date of the data</translation>
    </message>
    <message>
        <source>Datum gegevens</source>
        <translation>Date of the data</translation>
    </message>
    <message>
        <source>Betrouwbaarheid</source>
        <translation>Reliability</translation>
    </message>
    <message>
        <source>Bronverwijzing</source>
        <translation>Source reference</translation>
    </message>
    <message>
        <source>Bevinding %1</source>
        <translation>Finding %1</translation>
    </message>
    <message>
        <source>Tekst van bevinding %1</source>
        <translation>Text of finding %1</translation>
    </message>
</context>
<context>
    <name>FirstStartDialog</name>
    <message>
        <source>Convenantwerkplek — eerste start</source>
        <translation>Covenant workstation — first start</translation>
    </message>
    <message>
        <source>Bezig…</source>
        <translation>Working…</translation>
    </message>
    <message>
        <source>A&amp;fsluiten</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;Terug</source>
        <translation>&amp;Back</translation>
    </message>
    <message>
        <source>&amp;Volgende</source>
        <translation>&amp;Next</translation>
    </message>
    <message>
        <source>&amp;Nieuwe werkplek aanmaken</source>
        <translation>&amp;Create a new workspace</translation>
    </message>
    <message>
        <source>&amp;Bestaande openen…</source>
        <translation>&amp;Open an existing one…</translation>
    </message>
    <message>
        <source>Back-up terug&amp;zetten…</source>
        <translation>Restore a &amp;backup…</translation>
    </message>
    <message>
        <source>&amp;Recente werkplekken</source>
        <translation>&amp;Recent workspaces</translation>
    </message>
    <message>
        <source>Opnieuw &amp;controleren</source>
        <translation>Check &amp;again</translation>
    </message>
    <message>
        <source>Waar komt de werkplek te staan, en waar staat dit werkstation? Inzage in onderliggende gegevens (art. 2.5) kan alleen op het AIVD-kantoor.</source>
        <translation>Where will the workspace be stored, and where is this workstation? Inspection of underlying data (art. 2.5) is only possible at the AIVD office.</translation>
    </message>
    <message>
        <source>Bla&amp;deren…</source>
        <translation>B&amp;rowse…</translation>
    </message>
    <message>
        <source>&amp;Map (nieuw of leeg)</source>
        <translation>&amp;Folder (new or empty)</translation>
    </message>
    <message>
        <source>&amp;Locatie van het werkstation</source>
        <translation>&amp;Location of the workstation</translation>
    </message>
    <message>
        <source>&amp;Openen</source>
        <translation>&amp;Open</translation>
    </message>
    <message>
        <source>De werkplek bewaart haar werkplekgeheim in de sleutelring van het besturingssysteem; zonder die sleutelring kan hier geen werkplek worden aangemaakt. Wat u kunt doen:</source>
        <translation>The workspace keeps its workstation secret in the operating system&apos;s keyring; without that keyring no workspace can be created here. What you can do:</translation>
    </message>
    <message>
        <source>Deze beheerder maakt de accounts aan en beheert de instellingen, en heeft geen inhoudelijke rol. Laat u de volledige naam leeg, dan wordt de gebruikersnaam gebruikt.</source>
        <translation>This administrator creates the accounts and manages the settings, and has no role in the casework. If you leave the full name empty, the user name is used.</translation>
    </message>
    <message>
        <source>&amp;Gebruikersnaam</source>
        <translation>&amp;User name</translation>
    </message>
    <message>
        <source>V&amp;olledige naam</source>
        <translation>Full na&amp;me</translation>
    </message>
    <message>
        <source>&amp;Wachtwoord</source>
        <translation>&amp;Password</translation>
    </message>
    <message>
        <source>Wachtwoord &amp;herhalen</source>
        <translation>&amp;Repeat password</translation>
    </message>
    <message>
        <source>De werkplek is aangemaakt. Dit is de HERSTELSLEUTEL: schrijf hem op en bewaar hem veilig, gescheiden van het werkstation. Hij wordt maar één keer getoond; zonder hem kan een back-up niet worden teruggezet.</source>
        <translation>The workspace has been created. This is the RECOVERY KEY: write it down and keep it safe, apart from the workstation. It is shown only once; without it a backup cannot be restored.</translation>
    </message>
    <message>
        <source>Welkom</source>
        <translation>Welcome</translation>
    </message>
    <message>
        <source>Sleutelring</source>
        <translation>Keyring</translation>
    </message>
    <message>
        <source>Plaats van de werkplek</source>
        <translation>Location of the workspace</translation>
    </message>
    <message>
        <source>Eerste functioneel beheerder</source>
        <translation>First application administrator</translation>
    </message>
    <message>
        <source>Herstelsleutel</source>
        <translation>Recovery key</translation>
    </message>
    <message>
        <source>&amp;Aanmaken</source>
        <translation>&amp;Create</translation>
    </message>
    <message>
        <source>&amp;Klaar</source>
        <translation>&amp;Finish</translation>
    </message>
    <message>
        <source>Kies een andere werkplek dan die in %1: open een bestaande, maak een nieuwe aan of zet een back-up terug.</source>
        <translation>Choose a workspace other than the one in %1: open an existing one, create a new one or restore a backup.</translation>
    </message>
    <message>
        <source>Er is nog geen werkplek in %1. Maak een nieuwe aan, open een bestaande die elders staat, of zet een back-up terug (bijvoorbeeld op een nieuw werkstation).</source>
        <translation>There is no workspace in %1 yet. Create a new one, open an existing one kept elsewhere, or restore a backup (for example on a new workstation).</translation>
    </message>
    <message>
        <source>De werkplek wordt aangemaakt; dit duurt enkele seconden…</source>
        <translation>Creating the workspace; this takes a few seconds…</translation>
    </message>
    <message>
        <source>Map van een werkplek kiezen</source>
        <translation>Choose the folder of a workspace</translation>
    </message>
    <message>
        <source>Map voor de nieuwe werkplek</source>
        <translation>Folder for the new workspace</translation>
    </message>
    <message>
        <source>Typ eerst de gevraagde groep van de herstelsleutel over.</source>
        <translation>First type in the requested group of the recovery key.</translation>
    </message>
</context>
<context>
    <name>FormDialog</name>
    <message>
        <source>Annuleren</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>HashRow</name>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>SHA-256 van het bestand</source>
        <translation>SHA-256 of the file</translation>
    </message>
    <message>
        <source>Selecteer en kopieer om te vergelijken.</source>
        <translation>Select and copy to compare.</translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <source>Sl&amp;uiten</source>
        <translation>&amp;Close</translation>
    </message>
</context>
<context>
    <name>HoldDialog</name>
    <message>
        <source>Bewaarplicht vastleggen</source>
        <translation>Record a hold</translation>
    </message>
    <message>
        <source>&amp;Vastleggen</source>
        <translation>&amp;Record</translation>
    </message>
    <message>
        <source>zaaknummer of kenmerk van het besluit</source>
        <translation>case number or reference of the decision</translation>
    </message>
    <message>
        <source>&amp;Archiefstuk</source>
        <translation>&amp;Archive record</translation>
    </message>
    <message>
        <source>&amp;Reden</source>
        <translation>Rea&amp;son</translation>
    </message>
    <message>
        <source>&amp;Kenmerk</source>
        <translation>Re&amp;ference</translation>
    </message>
</context>
<context>
    <name>InspectableReportTableModel</name>
    <message>
        <source>Kenmerk</source>
        <translation>Reference</translation>
    </message>
    <message>
        <source>Titel</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Uitgebracht</source>
        <translation>Issued</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Items</translation>
    </message>
    <message>
        <source>Inzage</source>
        <translation>Inspection</translation>
    </message>
    <message>
        <source>Toelichting</source>
        <translation>Explanation</translation>
    </message>
    <message>
        <source>(titel boven uw rubricering)</source>
        <translation>(title above your classification)</translation>
    </message>
    <message>
        <source>✔ mogelijk</source>
        <translation>✔ possible</translation>
    </message>
    <message>
        <source>✖ niet mogelijk</source>
        <translation>✖ not possible</translation>
    </message>
</context>
<context>
    <name>InspectionPage</name>
    <message>
        <source>Inzage</source>
        <translation>Inspection</translation>
    </message>
    <message>
        <source>Vernieuwen</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <source>Inzage in de onderliggende gegevens van uitgebrachte ambtsberichten (art. 2.5 van het convenant). Kies een ambtsbericht en start de inzage. Tijdens de inzage kan niets worden gekopieerd, afgedrukt of opgeslagen; elk geopend item wordt vastgelegd.</source>
        <translation>Inspection of the underlying data of issued official reports (art. 2.5 of the covenant). Choose an official report and start the inspection. During the inspection nothing can be copied, printed or saved; every item opened is recorded.</translation>
    </message>
    <message>
        <source>Uitgebrachte ambtsberichten</source>
        <translation>Issued official reports</translation>
    </message>
    <message>
        <source>Inzage &amp;starten</source>
        <translation>&amp;Start inspection</translation>
    </message>
    <message>
        <source>Mijn inzagen</source>
        <translation>My inspections</translation>
    </message>
    <message>
        <source>U kunt de onderliggende gegevens van %1 inzien (1 item binnen uw rubricering).</source>
        <translation>You can inspect the underlying data of %1 (1 item within your classification).</translation>
    </message>
    <message numerus="yes">
        <source>U kunt de onderliggende gegevens van %1 inzien (%n items binnen uw rubricering).</source>
        <translation>
            <numerusform>You can inspect the underlying data of %1 (%n item within your classification).</numerusform>
            <numerusform>You can inspect the underlying data of %1 (%n items within your classification).</numerusform>
        </translation>
    </message>
    <message>
        <source>Uitgebrachte ambtsberichten (%1)</source>
        <translation>Issued official reports (%1)</translation>
    </message>
    <message>
        <source>Er zijn nog geen uitgebrachte ambtsberichten.</source>
        <translation>There are no issued official reports yet.</translation>
    </message>
    <message>
        <source>Mijn inzagen (%1)</source>
        <translation>My inspections (%1)</translation>
    </message>
    <message>
        <source>Inzage in %1 is niet mogelijk: %2</source>
        <translation>Inspection of %1 is not possible: %2</translation>
    </message>
    <message>
        <source>De inzage in %1 is beëindigd en vastgelegd.</source>
        <translation>The inspection of %1 has ended and been recorded.</translation>
    </message>
</context>
<context>
    <name>InspectionRecordTableModel</name>
    <message>
        <source>Kenmerk</source>
        <translation>Reference</translation>
    </message>
    <message>
        <source>Inzagemedewerker</source>
        <translation>Inspector</translation>
    </message>
    <message>
        <source>Begonnen</source>
        <translation>Started</translation>
    </message>
    <message>
        <source>Geëindigd</source>
        <translation>Ended</translation>
    </message>
    <message>
        <source>Bekeken items</source>
        <translation>Items viewed</translation>
    </message>
    <message>
        <source>Duur</source>
        <translation>Duration</translation>
    </message>
    <message>
        <source>Einde</source>
        <translation>End</translation>
    </message>
</context>
<context>
    <name>InspectionRecordsPanel</name>
    <message>
        <source>Verslag als &amp;PDF opslaan…</source>
        <translation>Save rec&amp;ord as PDF…</translation>
    </message>
</context>
<context>
    <name>InspectionWindow</name>
    <message>
        <source>Inzage onderliggende gegevens — %1</source>
        <translation>Inspection of underlying data — %1</translation>
    </message>
    <message>
        <source>Inzage door %1</source>
        <translation>Inspection by %1</translation>
    </message>
    <message>
        <source>&amp;Inzage beëindigen…</source>
        <translation>&amp;End inspection…</translation>
    </message>
    <message>
        <source>Items die u mag inzien</source>
        <translation>Items you may inspect</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Items</translation>
    </message>
    <message>
        <source>Er zijn geen items die u mag inzien.</source>
        <translation>There are no items you may inspect.</translation>
    </message>
    <message>
        <source>Uw aantekeningen</source>
        <translation>Your notes</translation>
    </message>
    <message>
        <source>Aantekeningen worden bij de inzagesessie bewaard en komen in het verslag van inzage.</source>
        <translation>Notes are kept with the inspection session and are included in the inspection record.</translation>
    </message>
    <message>
        <source>Kopiëren, afdrukken en opslaan zijn in dit venster niet mogelijk. De inzage eindigt na 1 minuut zonder activiteit.</source>
        <translation>Copying, printing and saving are not possible in this window. The inspection ends after 1 minute without activity.</translation>
    </message>
    <message>
        <source>Kopiëren, afdrukken en opslaan zijn in dit venster niet mogelijk. De inzage eindigt na %1 minuten zonder activiteit.</source>
        <translation>Copying, printing and saving are not possible in this window. The inspection ends after %1 minutes without activity.</translation>
    </message>
    <message>
        <source>Inhoud verborgen

Het inzagevenster is niet actief. Klik in dit venster om verder te gaan.</source>
        <translation>Content hidden

The inspection window is not active. Click in this window to continue.</translation>
    </message>
    <message>
        <source>· aanwijzing %1, zonder einddatum</source>
        <translation>· designation %1, without an end date</translation>
    </message>
    <message>
        <source>· aanwijzing %1, geldig tot en met %2</source>
        <translation>· designation %1, valid up to and including %2</translation>
    </message>
    <message>
        <source>kan niet worden weergegeven</source>
        <translation>cannot be displayed</translation>
    </message>
    <message>
        <source>tekstnotitie</source>
        <translation>text note</translation>
    </message>
    <message>
        <source>PDF-document</source>
        <translation>PDF document</translation>
    </message>
    <message>
        <source>afbeelding</source>
        <translation>image</translation>
    </message>
    <message>
        <source>Let op: de inzage eindigt over 1 seconde omdat er niets gebeurt. Beweeg de muis of druk op een toets om verder te gaan.</source>
        <translation>Note: the inspection ends in 1 second because nothing is happening. Move the mouse or press a key to continue.</translation>
    </message>
    <message>
        <source>Let op: de inzage eindigt over %1 seconden omdat er niets gebeurt. Beweeg de muis of druk op een toets om verder te gaan.</source>
        <translation>Please note: the inspection ends in %1 seconds because nothing is happening. Move the mouse or press a key to continue.</translation>
    </message>
    <message>
        <source>Dit bestand kan niet worden weergegeven.</source>
        <translation>This file cannot be displayed.</translation>
    </message>
    <message>
        <source>Bezig met openen…</source>
        <translation>Opening…</translation>
    </message>
    <message>
        <source>Bron: %1</source>
        <translation>Source: %1</translation>
    </message>
    <message>
        <source>Datum gegevens: %1</source>
        <translation>Date of the data: %1</translation>
    </message>
</context>
<context>
    <name>ItemViewer</name>
    <message>
        <source>Kies links een item om het in te zien.</source>
        <translation>Choose an item on the left to inspect it.</translation>
    </message>
    <message>
        <source>Dit bestand kan niet worden weergegeven.</source>
        <translation>This file cannot be displayed.</translation>
    </message>
    <message>
        <source>Dit PDF-document is beveiligd met een wachtwoord en kan niet worden weergegeven.</source>
        <translation>This PDF document is protected with a password and cannot be displayed.</translation>
    </message>
    <message>
        <source>Dit PDF-document is beschadigd en kan niet worden weergegeven.</source>
        <translation>This PDF document is damaged and cannot be displayed.</translation>
    </message>
    <message>
        <source>Deze afbeelding is beschadigd en kan niet worden weergegeven.</source>
        <translation>This image is damaged and cannot be displayed.</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Werkplek vergrendeld — Convenantwerkplek</source>
        <translation>Workstation locked — Covenant workstation</translation>
    </message>
    <message>
        <source>Oefenaccounts (naam — wachtwoord):</source>
        <translation>Practice accounts (name — password):</translation>
    </message>
    <message>
        <source>Andere werk&amp;plek…</source>
        <translation>Other &amp;workspace…</translation>
    </message>
    <message>
        <source>Back-up &amp;terugzetten…</source>
        <translation>&amp;Restore backup…</translation>
    </message>
    <message>
        <source>Opnieuw &amp;koppelen…</source>
        <translation>&amp;Bind again…</translation>
    </message>
    <message>
        <source>Bezig met aanmelden…</source>
        <translation>Signing in…</translation>
    </message>
    <message>
        <source>Vul uw naam en wachtwoord in.</source>
        <translation>Enter your name and password.</translation>
    </message>
    <message>
        <source>Aanmelden — Convenantwerkplek</source>
        <translation>Sign in — Covenant workstation</translation>
    </message>
    <message>
        <source>DEMO — oefenwerkplek, geen echte gegevens</source>
        <translation>DEMO — practice workspace, no real data</translation>
    </message>
    <message>
        <source>Convenantwerkplek AIVD–IND</source>
        <translation>AIVD–IND covenant workstation</translation>
    </message>
    <message>
        <source>Meld u aan met uw naam en wachtwoord.</source>
        <translation>Sign in with your name and password.</translation>
    </message>
    <message>
        <source>&amp;Naam</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>Naam</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>gebruikersnaam</source>
        <translation>user name</translation>
    </message>
    <message>
        <source>&amp;Wachtwoord</source>
        <translation>&amp;Password</translation>
    </message>
    <message>
        <source>Wachtwoord</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Werkplekmap</source>
        <translation>Workspace folder</translation>
    </message>
    <message>
        <source>A&amp;fsluiten</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;Aanmelden</source>
        <translation>&amp;Sign in</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Convenantwerkplek</source>
        <translation>Covenant workstation</translation>
    </message>
    <message>
        <source>Convenantwerkplek — DEMO</source>
        <translation>Covenant workstation — DEMO</translation>
    </message>
    <message>
        <source>DEMO — oefenwerkplek, geen echte gegevens</source>
        <translation>DEMO — practice workspace, no real data</translation>
    </message>
    <message>
        <source>Onderdelen</source>
        <translation>Sections</translation>
    </message>
    <message>
        <source>Ctrl+%1</source>
        <translation>Ctrl+%1</translation>
    </message>
    <message>
        <source>&amp;Werkplek</source>
        <translation>&amp;Workstation</translation>
    </message>
    <message>
        <source>&amp;Wachtwoord wijzigen…</source>
        <translation>Change &amp;password…</translation>
    </message>
    <message>
        <source>PDF &amp;controleren…</source>
        <translation>&amp;Verify PDF…</translation>
    </message>
    <message>
        <source>Vernietigings&amp;lijsten…</source>
        <translation>&amp;Destruction lists…</translation>
    </message>
    <message>
        <source>&amp;Vergrendelen</source>
        <translation>&amp;Lock</translation>
    </message>
    <message>
        <source>&amp;Afmelden</source>
        <translation>Sign &amp;out</translation>
    </message>
    <message>
        <source>A&amp;fsluiten</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;Ga naar</source>
        <translation>&amp;Go to</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&amp;Handleiding…</source>
        <translation>&amp;User guide…</translation>
    </message>
    <message>
        <source>&amp;Sneltoetsen…</source>
        <translation>&amp;Keyboard shortcuts…</translation>
    </message>
    <message>
        <source>&amp;Over Convenantwerkplek</source>
        <translation>&amp;About Covenant workstation</translation>
    </message>
    <message>
        <source>Gebruiker: %1</source>
        <translation>User: %1</translation>
    </message>
    <message>
        <source>Rol: %1</source>
        <translation>Role: %1</translation>
    </message>
    <message>
        <source>Bevoegd t/m: %1</source>
        <translation>Cleared up to: %1</translation>
    </message>
    <message>
        <source>Werkplek: %1</source>
        <translation>Workstation: %1</translation>
    </message>
    <message>
        <source>DEMO</source>
        <translation>DEMO</translation>
    </message>
    <message>
        <source>Uw wachtwoord is gewijzigd.</source>
        <translation>Your password has been changed.</translation>
    </message>
</context>
<context>
    <name>NewPasswordDialog</name>
    <message>
        <source>&amp;Nieuw wachtwoord</source>
        <translation>&amp;New password</translation>
    </message>
    <message>
        <source>Nieuw wachtwoord h&amp;erhalen</source>
        <translation>&amp;Repeat new password</translation>
    </message>
    <message>
        <source>Vul een nieuw wachtwoord in.</source>
        <translation>Enter a new password.</translation>
    </message>
    <message>
        <source>De twee nieuwe wachtwoorden zijn niet gelijk.</source>
        <translation>The two new passwords are not the same.</translation>
    </message>
    <message>
        <source>Wachtwoord opnieuw instellen</source>
        <translation>Reset password</translation>
    </message>
    <message>
        <source>&amp;Instellen</source>
        <translation>&amp;Set</translation>
    </message>
    <message>
        <source>Een nieuw beginwachtwoord voor %1. Bij de volgende aanmelding in het venster kiest %1 zelf een nieuw wachtwoord.</source>
        <translation>A new initial password for %1. At the next sign-in in the window, %1 chooses a new password.</translation>
    </message>
    <message>
        <source>Geef het wachtwoord persoonlijk door.</source>
        <translation>Hand the password over in person.</translation>
    </message>
    <message>
        <source>Gebruiker activeren</source>
        <translation>Activate user</translation>
    </message>
    <message>
        <source>&amp;Activeren</source>
        <translation>&amp;Activate</translation>
    </message>
    <message>
        <source>%1 kan zich weer aanmelden met een nieuw beginwachtwoord; het oude werkt niet meer.</source>
        <translation>%1 can sign in again with a new initial password; the old one no longer works.</translation>
    </message>
    <message>
        <source>Kies een eigen wachtwoord</source>
        <translation>Choose your own password</translation>
    </message>
    <message>
        <source>&amp;Wachtwoord instellen</source>
        <translation>Set &amp;password</translation>
    </message>
    <message>
        <source>Welkom, %1. U hebt zich aangemeld met een wachtwoord dat de functioneel beheerder koos. Kies nu een eigen wachtwoord; pas daarna opent de werkplek.</source>
        <translation>Welcome, %1. You signed in with a password chosen by the administrator. Choose your own password now; only then does the workspace open.</translation>
    </message>
    <message>
        <source>Afmelden</source>
        <translation>Sign out</translation>
    </message>
</context>
<context>
    <name>PdfPane</name>
    <message>
        <source>Vorige pagina</source>
        <translation>Previous page</translation>
    </message>
    <message>
        <source>Pagina</source>
        <translation>Page</translation>
    </message>
    <message>
        <source>Paginanummer</source>
        <translation>Page number</translation>
    </message>
    <message>
        <source>Volgende pagina</source>
        <translation>Next page</translation>
    </message>
    <message>
        <source>Verkleinen</source>
        <translation>Zoom out</translation>
    </message>
    <message>
        <source>Vergroten</source>
        <translation>Zoom in</translation>
    </message>
    <message>
        <source>Paginabreedte</source>
        <translation>Page width</translation>
    </message>
    <message>
        <source>van %1</source>
        <translation>of %1</translation>
    </message>
    <message>
        <source>paginabreedte</source>
        <translation>page width</translation>
    </message>
</context>
<context>
    <name>PlainEditor</name>
    <message>
        <source>Deze versie is vrije tekst (niet in de vaste opbouw van een ambtsbericht); u bewerkt haar als tekst. Vermeld zelf bij elke bevinding de betrouwbaarheid of de bron.</source>
        <translation>This version is free text (not in the fixed structure of an official report); you edit it as text. State the reliability or the source of each finding yourself.</translation>
    </message>
    <message>
        <source>Tekst van het ambtsbericht</source>
        <translation>Text of the official report</translation>
    </message>
</context>
<context>
    <name>PlanDialog</name>
    <message>
        <source>Uitvoeringsplan opstellen (art. 3.3)</source>
        <translation>Draft an implementation plan (art. 3.3)</translation>
    </message>
    <message>
        <source>&amp;Opstellen</source>
        <translation>&amp;Draft</translation>
    </message>
    <message>
        <source>Onder&amp;werp</source>
        <translation>&amp;Subject</translation>
    </message>
    <message>
        <source>&amp;Rubricering</source>
        <translation>&amp;Classification</translation>
    </message>
    <message>
        <source>Rubricering &amp;geldt</source>
        <translation>Classification &amp;applies</translation>
    </message>
    <message>
        <source>&amp;Tekst</source>
        <translation>&amp;Text</translation>
    </message>
    <message>
        <source>Vul het onderwerp van het uitvoeringsplan in.</source>
        <translation>Enter the subject of the implementation plan.</translation>
    </message>
</context>
<context>
    <name>PlanTableModel</name>
    <message>
        <source>Nr.</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Onderwerp</source>
        <translation>Subject</translation>
    </message>
    <message>
        <source>Rubricering</source>
        <translation>Classification</translation>
    </message>
    <message>
        <source>Versie</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>(niet zichtbaar voor u)</source>
        <translation>(not visible to you)</translation>
    </message>
</context>
<context>
    <name>PrintPreviewDialog</name>
    <message>
        <source>Afdrukvoorbeeld</source>
        <translation>Print preview</translation>
    </message>
    <message>
        <source>&amp;Verzendlijst (ontvanger per exemplaar):</source>
        <translation>&amp;Distribution list (recipient per copy):</translation>
    </message>
    <message>
        <source>Verzendlijst</source>
        <translation>Distribution list</translation>
    </message>
    <message>
        <source>Exemplaar</source>
        <translation>Copy</translation>
    </message>
    <message>
        <source>Ontvanger</source>
        <translation>Recipient</translation>
    </message>
    <message>
        <source>Aantal &amp;exemplaren:</source>
        <translation>Number of c&amp;opies:</translation>
    </message>
    <message>
        <source>Aantal exemplaren</source>
        <translation>Number of copies</translation>
    </message>
    <message>
        <source>&amp;Afdrukken…</source>
        <translation>&amp;Print…</translation>
    </message>
    <message>
        <source>&amp;Opslaan als PDF…</source>
        <translation>&amp;Save as PDF…</translation>
    </message>
    <message>
        <source>Afdruk&amp;register…</source>
        <translation>Print &amp;register…</translation>
    </message>
    <message>
        <source>Alle afgedrukte exemplaren van dit ambtsbericht, met hun ontvanger.</source>
        <translation>All printed copies of this official report, with their recipients.</translation>
    </message>
    <message>
        <source>&amp;Sluiten</source>
        <translation>&amp;Close</translation>
    </message>
    <message>
        <source>Voorbeeld wordt opgemaakt…</source>
        <translation>Preparing the preview…</translation>
    </message>
    <message>
        <source>Dit ambtsbericht is nog niet ondertekend. Het wordt als CONCEPT afgedrukt: één exemplaar, met watermerk en zonder handtekening.</source>
        <translation>This official report has not been signed yet. It is printed as a draft (CONCEPT): one copy, with a watermark and without a signature.</translation>
    </message>
    <message>
        <source>Voorbeeld van exemplaar %1 van %2. Bij het afdrukken krijgt elk exemplaar zijn eigen nummer (doorlopend over alle afdrukken), de ontvanger uit de verzendlijst en een digitale handtekening, en wordt het in het afdrukregister vastgelegd.</source>
        <translation>Preview of copy %1 of %2. When printed, each copy gets its own number (running across all prints), the recipient from the distribution list and a digital signature, and is recorded in the print register.</translation>
    </message>
    <message>
        <source>1 pagina</source>
        <translation>1 page</translation>
    </message>
    <message>
        <source>%1 pagina&apos;s</source>
        <translation>%1 pages</translation>
    </message>
    <message>
        <source>concept</source>
        <translation>draft</translation>
    </message>
    <message>
        <source>Exemplaren worden ondertekend en afgedrukt…</source>
        <translation>Signing and printing the copies…</translation>
    </message>
    <message>
        <source>De printer kon de exemplaren niet afdrukken. Ze zijn wel in het afdrukregister vastgelegd; meld dit bij de functioneel beheerder.</source>
        <translation>The printer could not print the copies. They have been recorded in the print register, though; report this to the administrator.</translation>
    </message>
    <message>
        <source>Exemplaren worden ondertekend en opgeslagen…</source>
        <translation>Signing and saving the copies…</translation>
    </message>
    <message>
        <source>Conceptafdruk van %1 gemaakt en in het afdrukregister vastgelegd.</source>
        <translation>Draft print of %1 made and recorded in the print register.</translation>
    </message>
    <message>
        <source>1 ondertekend exemplaar van %2 gemaakt en in het afdrukregister vastgelegd.</source>
        <translation>1 signed copy of %2 made and recorded in the print register.</translation>
    </message>
    <message>
        <source>%1 ondertekende exemplaren van %2 gemaakt en in het afdrukregister vastgelegd.</source>
        <translation>%1 signed copies of %2 made and recorded in the print register.</translation>
    </message>
    <message>
        <source>1 pagina naar de printer gestuurd.</source>
        <translation>1 page sent to the printer.</translation>
    </message>
    <message>
        <source>%1 pagina&apos;s naar de printer gestuurd.</source>
        <translation>%1 pages sent to the printer.</translation>
    </message>
    <message>
        <source>Geen ontvangers</source>
        <translation>No recipients</translation>
    </message>
    <message>
        <source>Voor geen enkel exemplaar is een ontvanger ingevuld. Een verzendlijst noemt per exemplaar de ontvanger; zonder ontvangers worden de exemplaren niet op naam in het afdrukregister vastgelegd.</source>
        <translation>No recipient has been entered for any copy. A distribution list names the recipient of each copy; without recipients the copies are not recorded by name in the print register.</translation>
    </message>
    <message>
        <source>Wilt u toch afdrukken zonder ontvangers?</source>
        <translation>Do you still want to print without recipients?</translation>
    </message>
    <message>
        <source>&amp;Zonder ontvangers verder</source>
        <translation>&amp;Continue without recipients</translation>
    </message>
    <message>
        <source>Ontvangers &amp;invullen</source>
        <translation>&amp;Enter recipients</translation>
    </message>
    <message>
        <source>Ambtsbericht afdrukken</source>
        <translation>Print official report</translation>
    </message>
    <message>
        <source>Map voor de PDF-bestanden kiezen</source>
        <translation>Choose a folder for the PDF files</translation>
    </message>
</context>
<context>
    <name>PrintRegisterDialog</name>
    <message>
        <source>Afdrukregister</source>
        <translation>Print register</translation>
    </message>
    <message>
        <source>Exemplaar</source>
        <translation>Copy</translation>
    </message>
    <message>
        <source>Ontvanger</source>
        <translation>Recipient</translation>
    </message>
    <message>
        <source>Versie</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Afgedrukt door</source>
        <translation>Printed by</translation>
    </message>
    <message>
        <source>Afgedrukt op</source>
        <translation>Printed on</translation>
    </message>
    <message>
        <source>Bestemming</source>
        <translation>Destination</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>Vernieuwen</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <source>&amp;Sluiten</source>
        <translation>&amp;Close</translation>
    </message>
    <message>
        <source>Register wordt gelezen…</source>
        <translation>Reading the register…</translation>
    </message>
    <message>
        <source>concept</source>
        <translation>draft</translation>
    </message>
    <message>
        <source>%1 van %2</source>
        <translation>%1 of %2</translation>
    </message>
    <message>
        <source>niet vastgelegd</source>
        <translation>not recorded</translation>
    </message>
    <message>
        <source>printer</source>
        <translation>printer</translation>
    </message>
    <message>
        <source>bestand</source>
        <translation>file</translation>
    </message>
    <message>
        <source>Afdrukregister van %1: %2 regel(s).</source>
        <translation>Print register of %1: %2 line(s).</translation>
    </message>
    <message>
        <source>dit ambtsbericht</source>
        <translation>this official report</translation>
    </message>
    <message>
        <source>Van dit ambtsbericht is nog niets afgedrukt.</source>
        <translation>Nothing of this official report has been printed yet.</translation>
    </message>
</context>
<context>
    <name>ProvisionTableModel</name>
    <message>
        <source>Datum</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Richting</source>
        <translation>Direction</translation>
    </message>
    <message>
        <source>Wat</source>
        <translation>What</translation>
    </message>
    <message>
        <source>Grondslag</source>
        <translation>Legal basis</translation>
    </message>
    <message>
        <source>Verstrekt door</source>
        <translation>Provided by</translation>
    </message>
    <message>
        <source>Ontvangen door</source>
        <translation>Received by</translation>
    </message>
    <message>
        <source>Verzoek</source>
        <translation>Request</translation>
    </message>
    <message>
        <source>Vastgelegd door</source>
        <translation>Recorded by</translation>
    </message>
    <message>
        <source>spontaan</source>
        <translation>spontaneous</translation>
    </message>
</context>
<context>
    <name>ProvisionsPage</name>
    <message>
        <source>Verstrekkingenregister</source>
        <translation>Provisions register</translation>
    </message>
    <message>
        <source>Verstrekking &amp;vastleggen…</source>
        <translation>Record pro&amp;vision…</translation>
    </message>
    <message>
        <source>Vernieuwen</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <source>Elke verstrekking van gegevens tussen AIVD en IND, in beide richtingen, ook spontane. Het uitbrengen van een ambtsbericht wordt automatisch vastgelegd.</source>
        <translation>Every provision of data between AIVD and IND, in both directions, spontaneous ones too. Issuing an official report is recorded automatically.</translation>
    </message>
    <message>
        <source>&amp;Richting</source>
        <translation>&amp;Direction</translation>
    </message>
    <message>
        <source>Beide richtingen</source>
        <translation>Both directions</translation>
    </message>
    <message>
        <source>Richting</source>
        <translation>Direction</translation>
    </message>
    <message>
        <source>&amp;Periode van</source>
        <translation>&amp;Period from</translation>
    </message>
    <message>
        <source>Van</source>
        <translation>From</translation>
    </message>
    <message>
        <source>Tot en met</source>
        <translation>Up to and including</translation>
    </message>
    <message>
        <source>t/m</source>
        <translation>to</translation>
    </message>
    <message>
        <source>Verstrekkingen</source>
        <translation>Provisions</translation>
    </message>
    <message>
        <source>1 verstrekking</source>
        <translation>1 provision</translation>
    </message>
    <message>
        <source>%1 verstrekkingen</source>
        <translation>%1 provisions</translation>
    </message>
</context>
<context>
    <name>QueueItemsTableModel</name>
    <message>
        <source>Wacht in</source>
        <translation>Waiting in</translation>
    </message>
    <message>
        <source>Kenmerk</source>
        <translation>Reference</translation>
    </message>
    <message>
        <source>Omschrijving</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Stand</source>
        <translation>State</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <source>Geef een reden op.</source>
        <translation>Give a reason.</translation>
    </message>
    <message>
        <source>De reden is langer dan %1 tekens.</source>
        <translation>The reason is longer than %1 characters.</translation>
    </message>
</context>
<context>
    <name>RebindDialog</name>
    <message>
        <source>Opnieuw koppelen</source>
        <translation>Bind again</translation>
    </message>
    <message>
        <source>&amp;Koppelen</source>
        <translation>&amp;Bind</translation>
    </message>
    <message>
        <source>Gebruik dit als de sleutelring het werkplekgeheim kwijt is (bijvoorbeeld na een herinstallatie). Met de herstelsleutel wordt de werkplek in %1 aan een nieuw geheim gekoppeld; iedereen houdt zijn eigen wachtwoord.</source>
        <translation>Use this when the keyring has lost the workspace secret (for example after a reinstallation). With the recovery key, the workspace in %1 is bound to a new secret; everyone keeps their own password.</translation>
    </message>
    <message>
        <source>&amp;Herstelsleutel</source>
        <translation>Recovery &amp;key</translation>
    </message>
    <message>
        <source>Vul de herstelsleutel in.</source>
        <translation>Enter the recovery key.</translation>
    </message>
</context>
<context>
    <name>RecoveryKeyCheck</name>
    <message>
        <source>Zodra u begint te typen, verdwijnt de sleutel van het scherm: typ de groep over van wat u hebt opgeschreven.</source>
        <translation>As soon as you start typing, the key disappears from the screen: type the group from what you wrote down.</translation>
    </message>
    <message>
        <source>Sleutel &amp;opnieuw tonen</source>
        <translation>Sh&amp;ow the key again</translation>
    </message>
    <message>
        <source>&amp;Groep %1 ter controle</source>
        <translation>&amp;Group %1, as a check</translation>
    </message>
</context>
<context>
    <name>RecoveryKeyDialog</name>
    <message>
        <source>Nieuwe herstelsleutel</source>
        <translation>New recovery key</translation>
    </message>
    <message>
        <source>Opgeschreven</source>
        <translation>Written down</translation>
    </message>
    <message>
        <source>Schrijf deze herstelsleutel op en bewaar hem veilig. Hij wordt maar één keer getoond; de vorige werkt niet meer.</source>
        <translation>Write this recovery key down and keep it safe. It is shown only once; the previous one no longer works.</translation>
    </message>
    <message>
        <source>Dat is niet groep %1 van de herstelsleutel. Kijk op wat u hebt opgeschreven.</source>
        <translation>That is not group %1 of the recovery key. Look at what you wrote down.</translation>
    </message>
    <message>
        <source>Typ eerst groep %1 over.</source>
        <translation>First type in group %1.</translation>
    </message>
</context>
<context>
    <name>RegisterRequestDialog</name>
    <message>
        <source>Verzoek registreren</source>
        <translation>Register a request</translation>
    </message>
    <message>
        <source>&amp;Registreren</source>
        <translation>&amp;Register</translation>
    </message>
    <message>
        <source>volledige naam, in elk schrift</source>
        <translation>full name, in any script</translation>
    </message>
    <message>
        <source>&amp;Naam betrokkene</source>
        <translation>Subject &amp;name</translation>
    </message>
    <message>
        <source>10 cijfers</source>
        <translation>10 digits</translation>
    </message>
    <message>
        <source>&amp;V-nummer</source>
        <translation>&amp;V-number</translation>
    </message>
    <message>
        <source>&amp;Doel</source>
        <translation>&amp;Purpose</translation>
    </message>
    <message>
        <source>Grondslag</source>
        <translation>Legal basis</translation>
    </message>
    <message>
        <source>DD-MM-JJJJ (optioneel)</source>
        <translation>DD-MM-YYYY (optional)</translation>
    </message>
    <message>
        <source>&amp;Geboortedatum</source>
        <translation>Date of &amp;birth</translation>
    </message>
    <message>
        <source>landcode, bijvoorbeeld TUR (optioneel)</source>
        <translation>country code, for example TUR (optional)</translation>
    </message>
    <message>
        <source>Nationa&amp;liteit</source>
        <translation>Nati&amp;onality</translation>
    </message>
    <message>
        <source>&amp;Ontvangen op</source>
        <translation>R&amp;eceived on</translation>
    </message>
    <message>
        <source>optioneel</source>
        <translation>optional</translation>
    </message>
    <message>
        <source>&amp;IND-kenmerk</source>
        <translation>&amp;IND reference</translation>
    </message>
    <message>
        <source>Termijn</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>Toch &amp;registreren</source>
        <translation>Register &amp;anyway</translation>
    </message>
    <message>
        <source>wordt berekend…</source>
        <translation>being calculated…</translation>
    </message>
    <message>
        <source>%1 — %2 werkdagen na ontvangst (Algemene termijnenwet)</source>
        <translation>%1 — %2 working days after receipt (General Time Limits Act)</translation>
    </message>
    <message>
        <source>De termijn is al verstreken (%1).</source>
        <translation>The deadline has already passed (%1).</translation>
    </message>
    <message>
        <source>Vandaag resteert: %1.</source>
        <translation>Left today: %1.</translation>
    </message>
    <message>
        <source>laatste dag</source>
        <translation>last day</translation>
    </message>
</context>
<context>
    <name>ReleaseDialog</name>
    <message>
        <source>Deze bewaarplicht is intussen opgeheven.</source>
        <translation>This hold has been released in the meantime.</translation>
    </message>
    <message>
        <source>Bewaarplicht %1 opheffen</source>
        <translation>Lift hold %1</translation>
    </message>
    <message>
        <source>&amp;Opheffen</source>
        <translation>&amp;Lift</translation>
    </message>
    <message>
        <source>&amp;Reden</source>
        <translation>&amp;Reason</translation>
    </message>
</context>
<context>
    <name>ReportDetail</name>
    <message>
        <source>Kies een ambtsbericht in een van de lijsten hierboven, of begin een nieuw ambtsbericht.</source>
        <translation>Choose an official report in one of the lists above, or start a new one.</translation>
    </message>
    <message>
        <source>Kies een ambtsbericht in een van de lijsten hierboven.</source>
        <translation>Choose an official report in one of the lists above.</translation>
    </message>
    <message>
        <source>&amp;Versie</source>
        <translation>V&amp;ersion</translation>
    </message>
    <message>
        <source>Versie</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>&amp;Opslaan als nieuwe versie</source>
        <translation>&amp;Save as new version</translation>
    </message>
    <message>
        <source>&amp;Indienen bij liaison</source>
        <translation>Sub&amp;mit to the liaison</translation>
    </message>
    <message>
        <source>&amp;Opmerking toevoegen…</source>
        <translation>Add &amp;comment…</translation>
    </message>
    <message>
        <source>Selecteer eerst een passage in de tekst.</source>
        <translation>Select a passage in the text first.</translation>
    </message>
    <message>
        <source>&amp;Bruikbaar…</source>
        <translation>&amp;Usable…</translation>
    </message>
    <message>
        <source>&amp;Aanpassing wenselijk…</source>
        <translation>Ch&amp;anges wanted…</translation>
    </message>
    <message>
        <source>O&amp;ndertekenen…</source>
        <translation>&amp;Sign…</translation>
    </message>
    <message>
        <source>&amp;Uitbrengen…</source>
        <translation>Iss&amp;ue…</translation>
    </message>
    <message>
        <source>&amp;Correctie vastleggen…</source>
        <translation>Record &amp;correction…</translation>
    </message>
    <message>
        <source>Af&amp;drukvoorbeeld…</source>
        <translation>Pr&amp;int preview…</translation>
    </message>
    <message>
        <source>Geschiedenis</source>
        <translation>History</translation>
    </message>
    <message>
        <source>&amp;Tekst</source>
        <translation>&amp;Text</translation>
    </message>
    <message>
        <source>Versies vergelij&amp;ken</source>
        <translation>Compare &amp;versions</translation>
    </message>
    <message>
        <source>Ge&amp;schiedenis</source>
        <translation>Histor&amp;y</translation>
    </message>
    <message>
        <source>Onder&amp;liggende gegevens</source>
        <translation>Under&amp;lying data</translation>
    </message>
    <message>
        <source>Nieuw ambtsbericht</source>
        <translation>New official report</translation>
    </message>
    <message>
        <source>Nog niet opgeslagen · spontaan ambtsbericht</source>
        <translation>Not saved yet · unsolicited report</translation>
    </message>
    <message>
        <source>Nog niet opgeslagen · bij verzoek %1</source>
        <translation>Not saved yet · for request %1</translation>
    </message>
    <message>
        <source>Vul het ambtsbericht in en sla het op als versie 1. Daarna kunt u het indienen bij de IND-liaison.</source>
        <translation>Fill in the report and save it as version 1. Then you can submit it to the IND liaison.</translation>
    </message>
    <message>
        <source>Het ambtsbericht %1 is ondertekend.</source>
        <translation>The report %1 has been signed.</translation>
    </message>
    <message>
        <source>SHA-256 van de ondertekende tekst:
%1</source>
        <translation>SHA-256 of the signed text:
%1</translation>
    </message>
    <message>
        <source>Uw niet-opgeslagen tekst is teruggezet.</source>
        <translation>Your unsaved text has been put back.</translation>
    </message>
    <message>
        <source>Uw niet-opgeslagen tekst is teruggezet; hij was gebaseerd op versie %1, intussen is versie %2 de laatste.</source>
        <translation>Your unsaved text has been put back; it was based on version %1, meanwhile version %2 is the latest.</translation>
    </message>
    <message>
        <source>U kunt dit ambtsbericht niet meer bewerken; uw niet-opgeslagen tekst is daarom niet teruggezet. Hij blijft versleuteld bewaard.</source>
        <translation>You can no longer edit this report, so your unsaved text has not been put back. It stays stored, encrypted.</translation>
    </message>
    <message>
        <source>Rubricering: %1 · Status: %2 · Versie %3 van %4 · bijgewerkt %5</source>
        <translation>Classification: %1 · Status: %2 · Version %3 of %4 · updated %5</translation>
    </message>
    <message>
        <source>%1 — %2, %3</source>
        <translation>%1 — %2, %3</translation>
    </message>
    <message>
        <source>✔ Ondertekend door %1 op %2 (versie %3). SHA-256 van de ondertekende tekst: %4</source>
        <translation>✔ Signed by %1 on %2 (version %3). SHA-256 of the signed text: %4</translation>
    </message>
    <message>
        <source>✔ Uitgebracht door %1 op %2.</source>
        <translation>✔ Issued by %1 on %2.</translation>
    </message>
    <message>
        <source>U bekijkt een eerdere versie; die is alleen te lezen.</source>
        <translation>You are viewing an earlier version; it is read-only.</translation>
    </message>
    <message>
        <source>Concept. Sla wijzigingen op als nieuwe versie en dien het ambtsbericht in bij de IND-liaison.</source>
        <translation>Draft. Save changes as a new version and submit the report to the IND liaison.</translation>
    </message>
    <message>
        <source>Concept; nog niet ter beoordeling aangeboden.</source>
        <translation>Draft; not yet submitted for review.</translation>
    </message>
    <message>
        <source>Selecteer een passage en kies &apos;Opmerking toevoegen…&apos;. Geef daarna uw oordeel: bruikbaar of aanpassing wenselijk.</source>
        <translation>Select a passage and choose &apos;Add comment…&apos;. Then give your verdict: usable or changes wanted.</translation>
    </message>
    <message>
        <source>Ter beoordeling bij de IND-liaison; de tekst is bevroren tot het oordeel.</source>
        <translation>Under review by the IND liaison; the text is frozen until the verdict.</translation>
    </message>
    <message>
        <source>De IND-liaison vond aanpassing wenselijk. Leg een herziene versie vast en dien die opnieuw in.</source>
        <translation>The IND liaison wants changes. Save a revised version and submit it again.</translation>
    </message>
    <message>
        <source>In&amp;diening intrekken…</source>
        <translation>Withdraw su&amp;bmission…</translation>
    </message>
    <message>
        <source>Te&amp;rugsturen…</source>
        <translation>Send &amp;back…</translation>
    </message>
    <message>
        <source>Betrokkene vastleggen…</source>
        <translation>Record data subject…</translation>
    </message>
    <message>
        <source>Rubriceringsduur vastleggen…</source>
        <translation>Record classification period…</translation>
    </message>
    <message>
        <source>Opmerkingen verbergen ▸</source>
        <translation>Hide comments ▸</translation>
    </message>
    <message>
        <source>◂ Opmerkingen tonen</source>
        <translation>◂ Show comments</translation>
    </message>
    <message>
        <source>Het paneel met de opmerkingen van de liaison</source>
        <translation>The panel with the liaison&apos;s comments</translation>
    </message>
    <message>
        <source> · Rubriceringsduur: %1</source>
        <translation> · Classification period: %1</translation>
    </message>
    <message>
        <source> · Betrokkene: %1 (V-nummer %2)</source>
        <translation> · Data subject: %1 (V-number %2)</translation>
    </message>
    <message>
        <source> · Betrokkene: niet vastgelegd</source>
        <translation> · Data subject: not recorded</translation>
    </message>
    <message>
        <source>Toelichting van %1: %2</source>
        <translation>Explanation by %1: %2</translation>
    </message>
    <message>
        <source>De ondertekenaar heeft het ambtsbericht teruggestuurd. Leg een herziene versie vast en dien die opnieuw in.</source>
        <translation>The signer has sent the report back. Save a revised version and submit it again.</translation>
    </message>
    <message>
        <source>U heeft de indiening ingetrokken; het ambtsbericht is weer een concept. Dien het opnieuw in, eventueel na herziening.</source>
        <translation>You have withdrawn the submission; the report is a draft again. Submit it again, revised if need be.</translation>
    </message>
    <message>
        <source>Reden van %1: %2</source>
        <translation>Reason given by %1: %2</translation>
    </message>
    <message>
        <source>De IND-liaison heeft deze tekst bruikbaar geoordeeld; hij wacht op ondertekening. Een nieuwe versie stuurt het ambtsbericht terug naar concept.</source>
        <translation>The IND liaison judged this text usable; it awaits signing. A new version sends the report back to draft.</translation>
    </message>
    <message>
        <source>De IND-liaison heeft deze tekst bruikbaar geoordeeld.</source>
        <translation>The IND liaison judged this text usable.</translation>
    </message>
    <message>
        <source>Ondertekend; de tekst ligt voorgoed vast. Het ambtsbericht kan worden uitgebracht.</source>
        <translation>Signed; the text is fixed for good. The report can be issued.</translation>
    </message>
    <message>
        <source>Uitgebracht aan de IND.</source>
        <translation>Issued to the IND.</translation>
    </message>
    <message>
        <source>%1 · %2 · versie %3 %4</source>
        <translation>%1 · %2 · version %3 %4</translation>
    </message>
    <message>
        <source>Oordeel over versie %1: %2 (%3, %4)</source>
        <translation>Verdict on version %1: %2 (%3, %4)</translation>
    </message>
    <message>
        <source>Versie %1 teruggestuurd door %2 (%3)</source>
        <translation>Version %1 sent back by %2 (%3)</translation>
    </message>
    <message>
        <source>Indiening van versie %1 ingetrokken door %2 (%3)</source>
        <translation>Submission of version %1 withdrawn by %2 (%3)</translation>
    </message>
    <message>
        <source>%1 (%2, %3)</source>
        <translation>%1 (%2, %3)</translation>
    </message>
    <message>
        <source>⚠ Correctie (%1, %2): %3</source>
        <translation>⚠ Correction (%1, %2): %3</translation>
    </message>
    <message>
        <source>Er is niets gewijzigd ten opzichte van versie %1.</source>
        <translation>Nothing has changed compared with version %1.</translation>
    </message>
    <message>
        <source>Sla eerst uw wijzigingen op als nieuwe versie; daarna kunt u het ambtsbericht indienen.</source>
        <translation>Save your changes as a new version first; then you can submit the report.</translation>
    </message>
    <message>
        <source>Opmerking toevoegen</source>
        <translation>Add comment</translation>
    </message>
    <message>
        <source>&amp;Toevoegen</source>
        <translation>&amp;Add</translation>
    </message>
    <message>
        <source>Uw opmerking wordt verankerd aan deze passage van versie %1.</source>
        <translation>Your comment is anchored to this passage of version %1.</translation>
    </message>
    <message>
        <source>Oordeel: bruikbaar</source>
        <translation>Verdict: usable</translation>
    </message>
    <message>
        <source>&amp;Bruikbaar</source>
        <translation>&amp;Usable</translation>
    </message>
    <message>
        <source>U oordeelt versie %1 bruikbaar (art. 2.4). Daarna kan het ambtsbericht worden ondertekend.</source>
        <translation>You judge version %1 usable (art. 2.4). The report can then be signed.</translation>
    </message>
    <message>
        <source>Oordeel: aanpassing wenselijk</source>
        <translation>Verdict: changes wanted</translation>
    </message>
    <message>
        <source>&amp;Aanpassing wenselijk</source>
        <translation>&amp;Changes wanted</translation>
    </message>
    <message>
        <source>U vindt aanpassing van versie %1 wenselijk (art. 2.4). De AIVD legt dan een herziene versie vast.</source>
        <translation>You want changes to version %1 (art. 2.4). The AIVD then saves a revised version.</translation>
    </message>
    <message>
        <source>Ambtsbericht uitbrengen</source>
        <translation>Issue official report</translation>
    </message>
    <message>
        <source>&amp;Uitbrengen</source>
        <translation>&amp;Issue</translation>
    </message>
    <message>
        <source>Het ondertekende ambtsbericht %1 wordt uitgebracht aan de IND en als verstrekking vastgelegd. Dit kan niet ongedaan worden gemaakt.</source>
        <translation>The signed report %1 is issued to the IND and recorded as a provision. This cannot be undone.</translation>
    </message>
    <message>
        <source>Indiening intrekken</source>
        <translation>Withdraw submission</translation>
    </message>
    <message>
        <source>&amp;Intrekken</source>
        <translation>&amp;Withdraw</translation>
    </message>
    <message>
        <source>U haalt versie %1 terug bij de IND-liaison; het ambtsbericht wordt weer een concept. U kunt het daarna opnieuw indienen, eventueel na herziening.</source>
        <translation>You are taking version %1 back from the IND liaison; the report becomes a draft again. You can then submit it again, revised if need be.</translation>
    </message>
    <message>
        <source>&amp;Reden (optioneel)</source>
        <translation>&amp;Reason (optional)</translation>
    </message>
    <message>
        <source>Terugsturen in plaats van ondertekenen</source>
        <translation>Send back instead of signing</translation>
    </message>
    <message>
        <source>&amp;Terugsturen</source>
        <translation>Send &amp;back</translation>
    </message>
    <message>
        <source>U ondertekent versie %1 niet en stuurt het ambtsbericht terug naar de behandelaar. Geef aan wat er moet gebeuren; het wordt daarna opnieuw beoordeeld door de IND-liaison.</source>
        <translation>You do not sign version %1 and send the report back to the officer. Say what needs to be done; it will then be reviewed again by the IND liaison.</translation>
    </message>
    <message>
        <source>&amp;Reden</source>
        <translation>&amp;Reason</translation>
    </message>
    <message>
        <source>Opmerking wijzigen</source>
        <translation>Edit comment</translation>
    </message>
    <message>
        <source>&amp;Wijzigen</source>
        <translation>&amp;Change</translation>
    </message>
    <message>
        <source>U wijzigt uw opmerking bij versie %1; dat kan tot uw oordeel.</source>
        <translation>You are editing your comment on version %1; this is possible until you give your verdict.</translation>
    </message>
    <message>
        <source>Opmerking intrekken</source>
        <translation>Withdraw comment</translation>
    </message>
    <message>
        <source>U trekt uw opmerking bij “%1” in. Zij blijft in de geschiedenis staan, als ingetrokken.</source>
        <translation>You are withdrawing your comment on “%1”. It stays in the history, marked as withdrawn.</translation>
    </message>
    <message>
        <source>Opmerking afhandelen</source>
        <translation>Deal with comment</translation>
    </message>
    <message>
        <source>&amp;Afgehandeld</source>
        <translation>&amp;Dealt with</translation>
    </message>
    <message>
        <source>Schrijf voor de IND-liaison hoe u deze opmerking heeft afgehandeld; de liaison ziet uw toelichting bij de opmerking.</source>
        <translation>Write for the IND liaison how you have dealt with this comment; the liaison sees your explanation with the comment.</translation>
    </message>
    <message>
        <source>&amp;Toelichting voor de liaison</source>
        <translation>&amp;Explanation for the liaison</translation>
    </message>
    <message>
        <source>Correctie vastleggen</source>
        <translation>Record correction</translation>
    </message>
    <message>
        <source>&amp;Vastleggen</source>
        <translation>&amp;Record</translation>
    </message>
    <message>
        <source>Beschrijf welke verstrekte gegevens onjuist bleken. De correctie wordt bij het ambtsbericht en in het verstrekkingenregister vastgelegd, zodat elke ontvanger wordt ingelicht.</source>
        <translation>Describe which provided data turned out to be wrong. The correction is recorded with the report and in the provisions register, so that every recipient is informed.</translation>
    </message>
</context>
<context>
    <name>ReportDialogs</name>
    <message>
        <source>Uw &amp;wachtwoord</source>
        <translation>Your &amp;password</translation>
    </message>
    <message>
        <source>Ter bevestiging dat u dit zelf doet. Een onjuist wachtwoord telt mee voor de blokkering na drie mislukte pogingen.</source>
        <translation>To confirm that you are doing this yourself. A wrong password counts towards the lock after three failed attempts.</translation>
    </message>
    <message>
        <source>Vul uw wachtwoord in.</source>
        <translation>Enter your password.</translation>
    </message>
</context>
<context>
    <name>ReportReader</name>
    <message>
        <source>Tekst van het ambtsbericht</source>
        <translation>Text of the official report</translation>
    </message>
</context>
<context>
    <name>ReportTableModel</name>
    <message>
        <source>Kenmerk</source>
        <translation>Reference</translation>
    </message>
    <message>
        <source>Titel</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Rubricering</source>
        <translation>Classification</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Versie</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Bijgewerkt</source>
        <translation>Updated</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <source>Ambtsberichten</source>
        <translation>Official reports</translation>
    </message>
    <message>
        <source>&amp;Nieuw ambtsbericht…</source>
        <translation>&amp;New official report…</translation>
    </message>
    <message>
        <source>Vernieuwen</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <source>Kenmerk of titel</source>
        <translation>Reference or title</translation>
    </message>
    <message>
        <source>Zoeken in de lijsten</source>
        <translation>Search the lists</translation>
    </message>
    <message>
        <source>Zoeken in de lijsten (Ctrl+F)</source>
        <translation>Search the lists (Ctrl+F)</translation>
    </message>
    <message>
        <source>Wijzigingen niet opgeslagen</source>
        <translation>Changes not saved</translation>
    </message>
    <message>
        <source>&amp;Wijzigingen verwerpen</source>
        <translation>&amp;Discard changes</translation>
    </message>
    <message>
        <source>U heeft wijzigingen die nog niet als nieuwe versie zijn opgeslagen. Als u verdergaat, gaan ze verloren.</source>
        <translation>You have changes that have not been saved as a new version. If you continue, they will be lost.</translation>
    </message>
</context>
<context>
    <name>RequestDetail</name>
    <message>
        <source>Kies een verzoek in de lijst om het te bekijken.</source>
        <translation>Choose a request in the list to see it.</translation>
    </message>
    <message>
        <source>V-nummer</source>
        <translation>V-number</translation>
    </message>
    <message>
        <source>Geboortedatum</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <source>Nationaliteit</source>
        <translation>Nationality</translation>
    </message>
    <message>
        <source>Doel</source>
        <translation>Purpose</translation>
    </message>
    <message>
        <source>IND-kenmerk</source>
        <translation>IND reference</translation>
    </message>
    <message>
        <source>Ontvangen</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>Termijn</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Uitstelbericht</source>
        <translation>Delay notice</translation>
    </message>
    <message>
        <source>Afgesloten</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>In &amp;behandeling nemen</source>
        <translation>&amp;Take in progress</translation>
    </message>
    <message>
        <source>&amp;Uitstel melden…</source>
        <translation>Notify &amp;delay…</translation>
    </message>
    <message>
        <source>Afsluiten &amp;zonder ambtsbericht…</source>
        <translation>Close &amp;without official report…</translation>
    </message>
    <message>
        <source>&amp;Ambtsbericht opstellen</source>
        <translation>Draft official &amp;report</translation>
    </message>
    <message>
        <source>geen</source>
        <translation>none</translation>
    </message>
    <message>
        <source>niet vastgelegd</source>
        <translation>not recorded</translation>
    </message>
    <message>
        <source>%1 door %2 aan %4: %3</source>
        <translation>%1 by %2 to %4: %3</translation>
    </message>
    <message>
        <source>(na de termijn: telt niet als tijdig)</source>
        <translation>(after the deadline: does not count as on time)</translation>
    </message>
    <message>
        <source>(achteraf vastgelegd op %1)</source>
        <translation>(recorded afterwards on %1)</translation>
    </message>
    <message>
        <source>ja</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>reden: %1</source>
        <translation>reason: %1</translation>
    </message>
    <message>
        <source>nee</source>
        <translation>no</translation>
    </message>
    <message>
        <source>termijn %1</source>
        <translation>deadline %1</translation>
    </message>
</context>
<context>
    <name>RequestTableModel</name>
    <message>
        <source>termijn was %1</source>
        <translation>deadline was %1</translation>
    </message>
    <message>
        <source>nog 1 werkdag</source>
        <translation>1 working day left</translation>
    </message>
    <message>
        <source>nog %1 werkdagen</source>
        <translation>%1 working days left</translation>
    </message>
    <message>
        <source>1 werkdag over de termijn</source>
        <translation>1 working day past the deadline</translation>
    </message>
    <message>
        <source>%1 werkdagen over de termijn</source>
        <translation>%1 working days past the deadline</translation>
    </message>
    <message>
        <source>Kenmerk</source>
        <translation>Reference</translation>
    </message>
    <message>
        <source>Betrokkene</source>
        <translation>Subject</translation>
    </message>
    <message>
        <source>Termijn</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>Signaal</source>
        <translation>Signal</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>V-nummer</source>
        <translation>V-number</translation>
    </message>
    <message>
        <source>Ontvangen</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>Doel</source>
        <translation>Purpose</translation>
    </message>
    <message>
        <source>IND-kenmerk</source>
        <translation>IND reference</translation>
    </message>
    <message>
        <source>Op deze kolom kan niet worden gesorteerd.</source>
        <translation>This column cannot be sorted.</translation>
    </message>
</context>
<context>
    <name>RequestsPage</name>
    <message>
        <source>Naslagverzoeken</source>
        <translation>Records check requests</translation>
    </message>
    <message>
        <source>&amp;Nieuw verzoek…</source>
        <translation>&amp;New request…</translation>
    </message>
    <message>
        <source>&amp;Importeren…</source>
        <translation>&amp;Import…</translation>
    </message>
    <message>
        <source>Een lijst van de IND inlezen (CSV of JSON). Eén foute rij weigert de hele lijst.</source>
        <translation>Read a list from the IND (CSV or JSON). One bad row rejects the whole list.</translation>
    </message>
    <message>
        <source>Vernieuwen</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <source>Zoek op naam (elk schrift), V-nummer, kenmerk of IND-kenmerk</source>
        <translation>Search by name (any script), V-number, reference or IND reference</translation>
    </message>
    <message>
        <source>Zoeken</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>&amp;Zoeken</source>
        <translation>&amp;Search</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Alle statussen</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <source>Termijn</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>Alle termijnen</source>
        <translation>All deadlines</translation>
    </message>
    <message>
        <source>Inlezen &amp;stoppen</source>
        <translation>&amp;Stop import</translation>
    </message>
    <message>
        <source>Stopt het inlezen; er wordt dan niets uit de lijst bewaard.</source>
        <translation>Stops the import; nothing from the list is kept.</translation>
    </message>
    <message>
        <source>Verzoeken</source>
        <translation>Requests</translation>
    </message>
    <message>
        <source>bezig met zoeken…</source>
        <translation>searching…</translation>
    </message>
    <message>
        <source>1 verzoek</source>
        <translation>1 request</translation>
    </message>
    <message>
        <source>%1 verzoeken</source>
        <translation>%1 requests</translation>
    </message>
    <message>
        <source>Lijst met verzoeken inlezen</source>
        <translation>Read a list of requests</translation>
    </message>
    <message>
        <source>Lijsten van de IND (*.csv *.json)</source>
        <translation>Lists from the IND (*.csv *.json)</translation>
    </message>
    <message>
        <source>Alle bestanden (*)</source>
        <translation>All files (*)</translation>
    </message>
    <message>
        <source>Bezig met inlezen van %1…</source>
        <translation>Reading %1…</translation>
    </message>
    <message>
        <source>✔ %1 verzoeken ingelezen uit %2.</source>
        <translation>✔ %1 requests read from %2.</translation>
    </message>
    <message>
        <source>Het inlezen wordt gestopt…</source>
        <translation>Stopping the import…</translation>
    </message>
    <message>
        <source>Alle %2 rijen van %1 zijn gecontroleerd; de zoekindexen worden bijgewerkt en alles wordt opgeslagen…</source>
        <translation>All %2 rows of %1 have been checked; the search indexes are being updated and everything is being saved…</translation>
    </message>
    <message>
        <source>Bezig met inlezen van %1… %2 van ongeveer %3 rijen gecontroleerd.</source>
        <translation>Importing %1… %2 of about %3 rows checked.</translation>
    </message>
    <message>
        <source>Bezig met inlezen van %1… %2 rijen gecontroleerd.</source>
        <translation>Importing %1… %2 rows checked.</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>Back-up terugzetten</source>
        <translation>Restore backup</translation>
    </message>
    <message>
        <source>&amp;Terugzetten</source>
        <translation>&amp;Restore</translation>
    </message>
    <message>
        <source>De werkplek uit de back-up wordt aan dit werkstation gekoppeld. U hebt de herstelsleutel van de back-up nodig; de functioneel beheerder die u noemt krijgt een nieuw wachtwoord, alle anderen houden het hunne.</source>
        <translation>The workspace from the backup is bound to this workstation. You need the recovery key of the backup; the application administrator you name gets a new password, everyone else keeps theirs.</translation>
    </message>
    <message>
        <source>Bla&amp;deren…</source>
        <translation>Bro&amp;wse…</translation>
    </message>
    <message>
        <source>Back-upbestand kiezen</source>
        <translation>Choose backup file</translation>
    </message>
    <message>
        <source>Back-up&amp;bestand</source>
        <translation>Backup &amp;file</translation>
    </message>
    <message>
        <source>Bl&amp;aderen…</source>
        <translation>Brows&amp;e…</translation>
    </message>
    <message>
        <source>Map kiezen</source>
        <translation>Choose folder</translation>
    </message>
    <message>
        <source>&amp;Map (nieuw of leeg)</source>
        <translation>F&amp;older (new or empty)</translation>
    </message>
    <message>
        <source>&amp;Herstelsleutel</source>
        <translation>Recovery &amp;key</translation>
    </message>
    <message>
        <source>&amp;Functioneel beheerder</source>
        <translation>&amp;Application administrator</translation>
    </message>
    <message>
        <source>&amp;Nieuw wachtwoord</source>
        <translation>&amp;New password</translation>
    </message>
    <message>
        <source>Nieuw wachtwoord h&amp;erhalen</source>
        <translation>R&amp;epeat new password</translation>
    </message>
    <message>
        <source>Back-up kiezen</source>
        <translation>Choose backup</translation>
    </message>
    <message>
        <source>Back-up van de werkplek (*.backup)</source>
        <translation>Workspace backup (*.backup)</translation>
    </message>
    <message>
        <source>Alle bestanden (*)</source>
        <translation>All files (*)</translation>
    </message>
    <message>
        <source>Map voor de herstelde werkplek</source>
        <translation>Folder for the restored workspace</translation>
    </message>
    <message>
        <source>Kies het back-upbestand.</source>
        <translation>Choose the backup file.</translation>
    </message>
    <message>
        <source>Kies de map voor de herstelde werkplek.</source>
        <translation>Choose the folder for the restored workspace.</translation>
    </message>
    <message>
        <source>Vul de herstelsleutel in.</source>
        <translation>Enter the recovery key.</translation>
    </message>
    <message>
        <source>Vul de naam van de functioneel beheerder in.</source>
        <translation>Enter the name of the application administrator.</translation>
    </message>
    <message>
        <source>Vul een nieuw wachtwoord in.</source>
        <translation>Enter a new password.</translation>
    </message>
    <message>
        <source>De twee nieuwe wachtwoorden zijn niet gelijk.</source>
        <translation>The two new passwords are not the same.</translation>
    </message>
</context>
<context>
    <name>RetentionDialog</name>
    <message>
        <source>Vernietigingslijsten</source>
        <translation>Destruction lists</translation>
    </message>
    <message>
        <source>Sl&amp;uiten</source>
        <translation>&amp;Close</translation>
    </message>
</context>
<context>
    <name>RetentionPage</name>
    <message>
        <source>Archie&amp;f</source>
        <translation>Arch&amp;ive</translation>
    </message>
    <message>
        <source>Archiefwet: na de bewaartermijn worden archiefstukken vernietigd, op een lijst die een functioneel beheerder en een ondertekenaar beiden goedkeuren. Een bewaarplicht houdt een stuk (en alles wat erbij hoort) buiten elke vernietiging. Van wat vernietigd is blijft een verklaring: kenmerken, soort, termijn, wie en wanneer.</source>
        <translation>Public Records Act: after the retention period, archive records are destroyed, on a list that an application administrator and a signer both approve. A hold keeps a record (and everything that belongs to it) out of any destruction. Of what has been destroyed a statement remains: references, kind, period, who and when.</translation>
    </message>
    <message>
        <source>Vernietigingsli&amp;jsten</source>
        <translation>Destruction &amp;lists</translation>
    </message>
    <message>
        <source>Bewaar&amp;plichten</source>
        <translation>H&amp;olds</translation>
    </message>
    <message>
        <source>Bewaart&amp;ermijnen</source>
        <translation>Retention &amp;periods</translation>
    </message>
    <message>
        <source>Lijst &amp;opstellen</source>
        <translation>Dra&amp;ft list</translation>
    </message>
    <message>
        <source>Goedkeu&amp;ren</source>
        <translation>Appro&amp;ve</translation>
    </message>
    <message>
        <source>Ver&amp;nietigen…</source>
        <translation>D&amp;estroy…</translation>
    </message>
    <message>
        <source>Vernieuwen</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <source>Lijst</source>
        <translation>List</translation>
    </message>
    <message>
        <source>Peildatum</source>
        <translation>Reference date</translation>
    </message>
    <message>
        <source>Stukken</source>
        <translation>Records</translation>
    </message>
    <message>
        <source>Beheerder</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>Ondertekenaar</source>
        <translation>Signer</translation>
    </message>
    <message>
        <source>Vernietigd</source>
        <translation>Destroyed</translation>
    </message>
    <message>
        <source>Archiefstuk</source>
        <translation>Archive record</translation>
    </message>
    <message>
        <source>Kenmerk</source>
        <translation>Reference</translation>
    </message>
    <message>
        <source>Soort</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Termijn vanaf</source>
        <translation>Period from</translation>
    </message>
    <message>
        <source>Vernietigbaar per</source>
        <translation>Destructible from</translation>
    </message>
    <message>
        <source>Bewaarplicht</source>
        <translation>Hold</translation>
    </message>
    <message>
        <source>Bewaarplicht &amp;vastleggen…</source>
        <translation>R&amp;ecord hold…</translation>
    </message>
    <message>
        <source>Opheffe&amp;n…</source>
        <translation>Li&amp;ft…</translation>
    </message>
    <message>
        <source>Nr.</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Reden</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Vastgelegd</source>
        <translation>Recorded</translation>
    </message>
    <message>
        <source>Opgeheven</source>
        <translation>Lifted</translation>
    </message>
    <message>
        <source>Termijn &amp;vaststellen…</source>
        <translation>S&amp;et period…</translation>
    </message>
    <message>
        <source>Soort archiefstuk</source>
        <translation>Kind of archive record</translation>
    </message>
    <message>
        <source>Termijn</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>Loopt vanaf 1 januari na</source>
        <translation>Runs from 1 January after</translation>
    </message>
    <message>
        <source>Grondslag</source>
        <translation>Legal basis</translation>
    </message>
    <message>
        <source>Gewijzigd</source>
        <translation>Changed</translation>
    </message>
    <message>
        <source>%1 jaar</source>
        <translation>%1 years</translation>
    </message>
    <message>
        <source>Geen archiefstuk heeft zijn bewaartermijn uitgediend (peildatum %1).</source>
        <translation>No archive record has reached the end of its retention period (reference date %1).</translation>
    </message>
    <message>
        <source>Bewaartermijn verstreken: 1 archiefstuk, waarvan %2 vrij voor een nieuwe lijst en %3 onder bewaarplicht.</source>
        <translation>Retention period expired: 1 record, of which %2 free for a new list and %3 under a retention obligation.</translation>
    </message>
    <message numerus="yes">
        <source>Bewaartermijn verstreken: %n archiefstukken, waarvan %2 vrij voor een nieuwe lijst en %3 onder bewaarplicht.</source>
        <translation>
            <numerusform>Retention period expired: %n record, of which %2 free for a new list and %3 under a retention obligation.</numerusform>
            <numerusform>Retention period expired: %n records, of which %2 free for a new list and %3 under a retention obligation.</numerusform>
        </translation>
    </message>
    <message>
        <source>Vernietigingslijst %1 is opgesteld (1 stuk).</source>
        <translation>Destruction list %1 has been drawn up (1 record).</translation>
    </message>
    <message numerus="yes">
        <source>Vernietigingslijst %1 is opgesteld (%n stukken).</source>
        <translation>
            <numerusform>Destruction list %1 has been drawn up (%n record).</numerusform>
            <numerusform>Destruction list %1 has been drawn up (%n records).</numerusform>
        </translation>
    </message>
    <message>
        <source>Kies eerst een lijst.</source>
        <translation>Choose a list first.</translation>
    </message>
    <message>
        <source>Er is niets dat op een nieuwe lijst kan.</source>
        <translation>There is nothing that can go on a new list.</translation>
    </message>
    <message>
        <source>Kies een bewaarplicht die nog geldt.</source>
        <translation>Choose a hold that is still in force.</translation>
    </message>
    <message>
        <source>U hebt vernietigingslijst %1 goedgekeurd.</source>
        <translation>You have approved destruction list %1.</translation>
    </message>
    <message>
        <source>Vernietigen</source>
        <translation>Destroy</translation>
    </message>
    <message>
        <source>De %1 archiefstukken van lijst %2 en alles wat erbij hoort definitief vernietigen? Dit kan niet ongedaan worden gemaakt; alleen de verklaring van vernietiging blijft. Afgedrukte exemplaren moeten apart worden vernietigd.</source>
        <translation>Destroy the %1 archive records of list %2 and everything that belongs to them for good? This cannot be undone; only the statement of destruction remains. Printed copies must be destroyed separately.</translation>
    </message>
    <message>
        <source>&amp;Vernietigen</source>
        <translation>&amp;Destroy</translation>
    </message>
    <message>
        <source>Lijst %1 is uitgevoerd: %2 archiefstukken vernietigd.</source>
        <translation>List %1 has been carried out: %2 archive records destroyed.</translation>
    </message>
    <message>
        <source>Bewaarplicht %1 is vastgelegd.</source>
        <translation>Hold %1 has been recorded.</translation>
    </message>
    <message>
        <source>Bewaarplicht %1 is opgeheven.</source>
        <translation>Hold %1 has been lifted.</translation>
    </message>
    <message>
        <source>De bewaartermijn voor %1 is %2 jaar.</source>
        <translation>The retention period for %1 is %2 years.</translation>
    </message>
</context>
<context>
    <name>ReviseDialog</name>
    <message>
        <source>Uitvoeringsplan %1 herzien</source>
        <translation>Revise implementation plan %1</translation>
    </message>
    <message>
        <source>Nieuwe &amp;versie vastleggen</source>
        <translation>Record new &amp;version</translation>
    </message>
    <message>
        <source>Let op: deze versie is al goedgekeurd door één hoofd. Een nieuwe versie maakt die goedkeuring ongedaan; beide hoofden keuren de nieuwe versie opnieuw goed.</source>
        <translation>Please note: this version has already been approved by one head. A new version cancels that approval; both heads approve the new version again.</translation>
    </message>
    <message>
        <source>&amp;Tekst</source>
        <translation>&amp;Text</translation>
    </message>
</context>
<context>
    <name>SetPeriodDialog</name>
    <message>
        <source>Bewaartermijn vaststellen</source>
        <translation>Set retention period</translation>
    </message>
    <message>
        <source>&amp;Opslaan</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source> jaar</source>
        <translation> years</translation>
    </message>
    <message>
        <source>bijvoorbeeld de selectielijst of het besluit</source>
        <translation>for example the selection list or the decision</translation>
    </message>
    <message>
        <source>&amp;Soort</source>
        <translation>&amp;Kind</translation>
    </message>
    <message>
        <source>&amp;Termijn</source>
        <translation>&amp;Period</translation>
    </message>
    <message>
        <source>&amp;Grondslag</source>
        <translation>&amp;Legal basis</translation>
    </message>
</context>
<context>
    <name>SettingsTab</name>
    <message>
        <source>Deze instellingen gelden voor iedereen op deze werkplek. Elke wijziging wordt in de audittrail vastgelegd, met de oude en de nieuwe waarde.</source>
        <translation>These settings apply to everyone on this workstation. Every change is recorded in the audit trail, with the old and the new value.</translation>
    </message>
    <message>
        <source>Instellingen &amp;opslaan</source>
        <translation>Sa&amp;ve settings</translation>
    </message>
    <message>
        <source>He&amp;rstellen</source>
        <translation>&amp;Revert</translation>
    </message>
    <message>
        <source>Zet de velden terug op de opgeslagen waarden.</source>
        <translation>Put the fields back to the saved values.</translation>
    </message>
    <message>
        <source>Van %1 tot en met %2; standaard %3.</source>
        <translation>From %1 up to and including %2; default %3.</translation>
    </message>
    <message>
        <source>Hoogstens %1 tekens.</source>
        <translation>At most %1 characters.</translation>
    </message>
    <message>
        <source>%1 tot en met %2 regels van hoogstens %3 tekens.</source>
        <translation>%1 to %2 lines of at most %3 characters.</translation>
    </message>
    <message>
        <source>Opgeslagen: %1.</source>
        <translation>Saved: %1.</translation>
    </message>
</context>
<context>
    <name>SignDialog</name>
    <message>
        <source>Ambtsbericht ondertekenen</source>
        <translation>Sign official report</translation>
    </message>
    <message>
        <source>&amp;Ondertekenen</source>
        <translation>&amp;Sign</translation>
    </message>
    <message>
        <source>U ondertekent versie %1 van %2, de tekst die de IND-liaison bruikbaar heeft geoordeeld. Daarna ligt de tekst voorgoed vast; de SHA-256 van de tekst wordt vastgelegd.</source>
        <translation>You sign version %1 of %2, the text the IND liaison judged usable. After that the text is fixed for good; the SHA-256 of the text is recorded.</translation>
    </message>
    <message>
        <source>&amp;Rubricering bij ondertekening</source>
        <translation>&amp;Classification at signing</translation>
    </message>
    <message>
        <source>Bijzonder geval: deze gegevens worden alleen verstrekt op uw besluit. %1</source>
        <translation>Special case: this data is only provided on your decision. %1</translation>
    </message>
    <message>
        <source>Uw besluit en de &amp;reden</source>
        <translation>Your decision and the &amp;reason</translation>
    </message>
    <message>
        <source>Geef uw besluit over het bijzonder geval, met de reden.</source>
        <translation>Give your decision on the special case, with the reason.</translation>
    </message>
</context>
<context>
    <name>StatisticsPage</name>
    <message>
        <source>Statistiek voor het periodiek overleg</source>
        <translation>Statistics for the periodic consultation</translation>
    </message>
    <message>
        <source>Als &amp;CSV opslaan…</source>
        <translation>Save as &amp;CSV…</translation>
    </message>
    <message>
        <source>Als &amp;PDF opslaan…</source>
        <translation>Save as &amp;PDF…</translation>
    </message>
    <message>
        <source>Periode &amp;van</source>
        <translation>Period &amp;from</translation>
    </message>
    <message>
        <source>Periode van</source>
        <translation>Period from</translation>
    </message>
    <message>
        <source>&amp;tot en met</source>
        <translation>&amp;to</translation>
    </message>
    <message>
        <source>Periode tot en met</source>
        <translation>Period to</translation>
    </message>
    <message>
        <source>&amp;Berekenen</source>
        <translation>Ca&amp;lculate</translation>
    </message>
    <message>
        <source>Dit &amp;kwartaal</source>
        <translation>This &amp;quarter</translation>
    </message>
    <message>
        <source>Vorig kw&amp;artaal</source>
        <translation>Previous q&amp;uarter</translation>
    </message>
    <message>
        <source>Dit &amp;jaar</source>
        <translation>This &amp;year</translation>
    </message>
    <message>
        <source>Cijfers over de verzoeken die in de periode zijn ontvangen (beoordeeld naar de stand op het peilmoment), en de ambtsberichten, inzagen en verstrekkingen in de periode (art. 3.2 van het convenant).</source>
        <translation>Figures on the requests received in the period (judged by their state at the reference moment), and the official reports, inspections and provisions in the period (art. 3.2 of the covenant).</translation>
    </message>
    <message>
        <source>&amp;Stand per</source>
        <translation>&amp;As at</translation>
    </message>
    <message>
        <source>Stand per</source>
        <translation>As at</translation>
    </message>
    <message>
        <source>Snel kiezen:</source>
        <translation>Quick choice:</translation>
    </message>
    <message>
        <source>Verzoeken: de verzoeken ontvangen in de periode (cohort), stand op het peilmoment. Ambtsberichten uitgebracht, inzages en verstrekkingen: gebeurtenissen in de periode. Wijs een cijfer aan voor wat het telt.</source>
        <translation>Requests: the requests received in the period (cohort), as at the reference moment. Official reports issued, inspections and provisions: events in the period. Point at a figure to see what it counts.</translation>
    </message>
    <message>
        <source>Afhandeling van de verzoeken ontvangen in de periode</source>
        <translation>Handling of the requests received in the period</translation>
    </message>
    <message>
        <source>Verstrekkingen in de periode</source>
        <translation>Provisions in the period</translation>
    </message>
    <message>
        <source>Bezig met berekenen…</source>
        <translation>Calculating…</translation>
    </message>
    <message>
        <source>Periode %1 tot en met %2.</source>
        <translation>Period %1 to %2.</translation>
    </message>
    <message>
        <source>Stand per %1.</source>
        <translation>As at %1.</translation>
    </message>
    <message>
        <source>Cijfers opslaan als CSV</source>
        <translation>Save figures as CSV</translation>
    </message>
    <message>
        <source>Cijfers opslaan als PDF</source>
        <translation>Save figures as PDF</translation>
    </message>
    <message>
        <source>CSV-bestand (*.csv)</source>
        <translation>CSV file (*.csv)</translation>
    </message>
    <message>
        <source>PDF-bestand (*.pdf)</source>
        <translation>PDF file (*.pdf)</translation>
    </message>
    <message>
        <source>Bezig met opslaan…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>✔ Opgeslagen als %1.</source>
        <translation>✔ Saved as %1.</translation>
    </message>
</context>
<context>
    <name>StructuredEditor</name>
    <message>
        <source>Onderwer&amp;p</source>
        <translation>Sub&amp;ject</translation>
    </message>
    <message>
        <source>Onderwerp</source>
        <translation>Subject</translation>
    </message>
    <message>
        <source>&amp;Rubricering</source>
        <translation>&amp;Classification</translation>
    </message>
    <message>
        <source>Rubricering</source>
        <translation>Classification</translation>
    </message>
    <message>
        <source>Rubriceringsd&amp;uur</source>
        <translation>Classi&amp;fication period</translation>
    </message>
    <message>
        <source>&amp;Aanleiding</source>
        <translation>&amp;Occasion</translation>
    </message>
    <message>
        <source>Aanleiding</source>
        <translation>Occasion</translation>
    </message>
    <message>
        <source>Bevindingen</source>
        <translation>Findings</translation>
    </message>
    <message>
        <source>Vermeld bij elke bevinding de betrouwbaarheid of een verwijzing naar het brondocument, en de datum van de gegevens als die bekend is.</source>
        <translation>State for each finding its reliability or a reference to the source document, and the date of the data if known.</translation>
    </message>
    <message>
        <source>+ Bevinding toevoegen</source>
        <translation>+ &amp;Add finding</translation>
    </message>
    <message>
        <source>&amp;Conclusie</source>
        <translation>Conclus&amp;ion</translation>
    </message>
    <message>
        <source>Conclusie</source>
        <translation>Conclusion</translation>
    </message>
    <message>
        <source>ℹ Nog niet compleet: %1</source>
        <translation>ℹ Not complete yet: %1</translation>
    </message>
</context>
<context>
    <name>SubjectDialog</name>
    <message>
        <source>Betrokkene vastleggen</source>
        <translation>Record data subject</translation>
    </message>
    <message>
        <source>Vastleggen</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>&amp;Naam (elk schrift)</source>
        <translation>&amp;Name (any script)</translation>
    </message>
    <message>
        <source>&amp;Geboortedatum</source>
        <translation>Date of &amp;birth</translation>
    </message>
    <message>
        <source>&amp;V-nummer</source>
        <translation>&amp;V-number</translation>
    </message>
</context>
<context>
    <name>TerminationDialog</name>
    <message>
        <source>Opzegging vastleggen (art. 4.2)</source>
        <translation>Record termination (art. 4.2)</translation>
    </message>
    <message>
        <source>&amp;Vastleggen</source>
        <translation>&amp;Record</translation>
    </message>
    <message>
        <source>&amp;Datum van de opzegbrief</source>
        <translation>&amp;Date of the letter of termination</translation>
    </message>
    <message>
        <source>Opgezegd per</source>
        <translation>Terminated with effect from</translation>
    </message>
    <message>
        <source>Een opzegging kan niet worden teruggedraaid: het convenant eindigt drie kalendermaanden na de datum van de brief.</source>
        <translation>A termination cannot be reversed: the covenant ends three calendar months after the date of the letter.</translation>
    </message>
</context>
<context>
    <name>TextViewer</name>
    <message>
        <source>&amp;Sluiten</source>
        <translation>&amp;Close</translation>
    </message>
</context>
<context>
    <name>Unsaved</name>
    <message>
        <source>Wijzigingen niet opgeslagen</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <source>U heeft wijzigingen die nog niet zijn opgeslagen. Wilt u ze opslaan voordat u %1?</source>
        <translation>You have changes that have not been saved yet. Do you want to save them before you %1?</translation>
    </message>
    <message>
        <source>Opslaan legt ze vast zoals het venster zelf dat doet (een ambtsbericht als nieuwe versie); verwerpen gooit ze weg.</source>
        <translation>Saving records them as the window itself would (a report as a new version); discarding throws them away.</translation>
    </message>
    <message>
        <source>&amp;Opslaan</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>&amp;Verwerpen</source>
        <translation>&amp;Discard</translation>
    </message>
    <message>
        <source>&amp;Annuleren</source>
        <translation>&amp;Cancel</translation>
    </message>
</context>
<context>
    <name>UserTableModel</name>
    <message>
        <source>Naam</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Volledige naam</source>
        <translation>Full name</translation>
    </message>
    <message>
        <source>Rollen</source>
        <translation>Roles</translation>
    </message>
    <message>
        <source>Bevoegd tot en met</source>
        <translation>Cleared up to</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Gedeactiveerd</source>
        <translation>Deactivated</translation>
    </message>
    <message>
        <source>beginwachtwoord</source>
        <translation>initial password</translation>
    </message>
    <message>
        <source>rollen botsen</source>
        <translation>conflicting roles</translation>
    </message>
    <message>
        <source>Geblokkeerd</source>
        <translation>Locked</translation>
    </message>
    <message>
        <source>Actief</source>
        <translation>Active</translation>
    </message>
</context>
<context>
    <name>VerifyPdfDialog</name>
    <message>
        <source>Afgedrukt ambtsbericht controleren</source>
        <translation>Verify printed official report</translation>
    </message>
    <message>
        <source>Kies een PDF-bestand van een afgedrukt ambtsbericht. De werkplek controleert de digitale handtekening en het afdrukregister.</source>
        <translation>Choose a PDF file of a printed official report. The workstation verifies the digital signature and the print register.</translation>
    </message>
    <message>
        <source>Kies een PDF-bestand van een afgedrukt ambtsbericht. De werkplek controleert de digitale handtekening; meld u aan om ook het afdrukregister te controleren.</source>
        <translation>Choose a PDF file of a printed official report. The workstation verifies the digital signature; sign in to check the print register as well.</translation>
    </message>
    <message>
        <source>&amp;Kies een PDF-bestand…</source>
        <translation>&amp;Choose a PDF file…</translation>
    </message>
    <message>
        <source>Geen bestand gekozen.</source>
        <translation>No file chosen.</translation>
    </message>
    <message>
        <source>PDF-bestand kiezen</source>
        <translation>Choose PDF file</translation>
    </message>
    <message>
        <source>PDF-documenten (*.pdf);;Alle bestanden (*)</source>
        <translation>PDF documents (*.pdf);;All files (*)</translation>
    </message>
    <message>
        <source>Bezig met controleren…</source>
        <translation>Verifying…</translation>
    </message>
    <message>
        <source>Niet gecontroleerd</source>
        <translation>Not verified</translation>
    </message>
    <message>
        <source>Geldig</source>
        <translation>Valid</translation>
    </message>
    <message>
        <source>Niet geldig</source>
        <translation>Not valid</translation>
    </message>
    <message>
        <source>Ondertekend door: %1</source>
        <translation>Signed by: %1</translation>
    </message>
    <message>
        <source>Kenmerk: %1</source>
        <translation>Reference: %1</translation>
    </message>
    <message>
        <source>Exemplaar %1 van %2</source>
        <translation>Copy %1 of %2</translation>
    </message>
    <message>
        <source>Voor: %1</source>
        <translation>For: %1</translation>
    </message>
    <message>
        <source>Afdrukregister: niet gecontroleerd (niet aangemeld).</source>
        <translation>Print register: not checked (not signed in).</translation>
    </message>
    <message>
        <source>Afdrukregister: dit bestand is geregistreerd.</source>
        <translation>Print register: this file is registered.</translation>
    </message>
    <message>
        <source>Afdrukregister: dit bestand staat er niet in.</source>
        <translation>Print register: this file is not in it.</translation>
    </message>
</context>
<context>
    <name>WithdrawDialog</name>
    <message>
        <source>Uitvoeringsplan %1 intrekken</source>
        <translation>Withdraw implementation plan %1</translation>
    </message>
    <message>
        <source>&amp;Intrekken</source>
        <translation>&amp;Withdraw</translation>
    </message>
    <message>
        <source>&amp;Reden</source>
        <translation>&amp;Reason</translation>
    </message>
    <message>
        <source>Geef de reden van de intrekking.</source>
        <translation>Give the reason for the withdrawal.</translation>
    </message>
</context>
<context>
    <name>WorkspaceKeysBox</name>
    <message>
        <source>Back-up c&amp;ontroleren…</source>
        <translation>&amp;Verify backup…</translation>
    </message>
    <message>
        <source>Databasesleutel &amp;vervangen…</source>
        <translation>Replace database &amp;key…</translation>
    </message>
    <message>
        <source>Nieuwe herstelsle&amp;utel…</source>
        <translation>&amp;New recovery key…</translation>
    </message>
    <message>
        <source>Back-up controleren</source>
        <translation>Verify backup</translation>
    </message>
    <message>
        <source>Back-up van de werkplek (*.backup)</source>
        <translation>Workspace backup (*.backup)</translation>
    </message>
    <message>
        <source>Bezig met controleren…</source>
        <translation>Verifying…</translation>
    </message>
    <message>
        <source>✔ Back-up in orde: %1 accounts, gemaakt %2.</source>
        <translation>✔ Backup in order: %1 accounts, made %2.</translation>
    </message>
    <message>
        <source>(onbekend)</source>
        <translation>(unknown)</translation>
    </message>
    <message>
        <source>De audittrail vermeldt hem.</source>
        <translation>The audit trail records it.</translation>
    </message>
    <message>
        <source>Databasesleutel vervangen</source>
        <translation>Replace database key</translation>
    </message>
    <message>
        <source>Vervangen</source>
        <translation>Replace</translation>
    </message>
    <message>
        <source>De database krijgt een nieuwe sleutel; alle accounts houden hun wachtwoord en de herstelsleutel blijft dezelfde. Sluit eerst andere vensters en programma&apos;s die deze werkplek open hebben. Back-ups van vóór de vervanging controleert u daarna met de herstelsleutel.</source>
        <translation>The database gets a new key; all accounts keep their passwords and the recovery key stays the same. First close other windows and programs that have this workspace open. Afterwards, verify backups from before the replacement with the recovery key.</translation>
    </message>
    <message>
        <source>✔ De databasesleutel is vervangen (%1 accounts).</source>
        <translation>✔ The database key has been replaced (%1 accounts).</translation>
    </message>
    <message>
        <source>Deze accounts hebben een nieuw wachtwoord nodig: %1.</source>
        <translation>These accounts need a new password: %1.</translation>
    </message>
    <message>
        <source>Nieuwe herstelsleutel</source>
        <translation>New recovery key</translation>
    </message>
    <message>
        <source>Uitgeven</source>
        <translation>Issue</translation>
    </message>
    <message>
        <source>Er komt een nieuwe herstelsleutel en de database krijgt tegelijk een nieuwe sleutel, zodat de huidige herstelsleutel daarna niets van deze werkplek meer opent. Back-ups die eerder zijn gemaakt openen alleen met de herstelsleutel van toen: bewaar die zolang die back-ups bestaan. Sluit eerst andere vensters en programma&apos;s die deze werkplek open hebben. De nieuwe sleutel wordt één keer getoond.</source>
        <translation>A new recovery key is issued and the database gets a new key at the same time, so the current recovery key no longer opens anything of this workspace afterwards. Backups made earlier open only with the recovery key of that time: keep it for as long as those backups exist. First close other windows and programs that have this workspace open. The new key is shown once.</translation>
    </message>
    <message>
        <source>✔ Een nieuwe herstelsleutel is uitgegeven.</source>
        <translation>✔ A new recovery key has been issued.</translation>
    </message>
</context>
<context>
    <name>ask_to_confirm</name>
    <message>
        <source>&amp;Annuleren</source>
        <translation>&amp;Cancel</translation>
    </message>
</context>
<context>
    <name>covenant</name>
    <message>
        <source>AIVD</source>
        <translation>AIVD</translation>
    </message>
    <message>
        <source>IND</source>
        <translation>IND</translation>
    </message>
    <message>
        <source>Directeur-generaal AIVD</source>
        <translation>Director-General of the AIVD</translation>
    </message>
    <message>
        <source>Hoofddirecteur IND</source>
        <translation>Director-General of the IND</translation>
    </message>
    <message>
        <source>ondertekend, nog niet in werking</source>
        <translation>signed, not yet in force</translation>
    </message>
    <message>
        <source>in werking</source>
        <translation>in force</translation>
    </message>
    <message>
        <source>opgezegd</source>
        <translation>terminated</translation>
    </message>
    <message>
        <source>beëindigd</source>
        <translation>ended</translation>
    </message>
    <message>
        <source>verzocht</source>
        <translation>requested</translation>
    </message>
    <message>
        <source>instemming van één partij</source>
        <translation>agreed by one party</translation>
    </message>
    <message>
        <source>aangenomen, nog niet in werking</source>
        <translation>adopted, not yet in force</translation>
    </message>
    <message>
        <source>niet aangenomen</source>
        <translation>not adopted</translation>
    </message>
    <message>
        <source>concept</source>
        <translation>draft</translation>
    </message>
    <message>
        <source>goedgekeurd door één hoofd</source>
        <translation>approved by one head</translation>
    </message>
    <message>
        <source>ingetrokken</source>
        <translation>withdrawn</translation>
    </message>
    <message>
        <source>ingestemd</source>
        <translation>agreed</translation>
    </message>
    <message>
        <source>niet ingestemd</source>
        <translation>not agreed</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>Er ging iets onverwacht mis. Probeer het opnieuw; blijft het misgaan, meld het dan aan de functioneel beheerder.</source>
        <translation>Something unexpected went wrong. Try again; if it keeps going wrong, tell the application administrator.</translation>
    </message>
    <message>
        <source>Convenantwerkplek — melding</source>
        <translation>Covenant workstation — message</translation>
    </message>
    <message>
        <source>Convenantwerkplek</source>
        <translation>Covenant workstation</translation>
    </message>
</context>
<context>
    <name>evidence</name>
    <message>
        <source>tekstnotitie</source>
        <translation>text note</translation>
    </message>
    <message>
        <source>PDF-document</source>
        <translation>PDF document</translation>
    </message>
    <message>
        <source>afbeelding</source>
        <translation>image</translation>
    </message>
    <message>
        <source>bestand (kan niet worden weergegeven)</source>
        <translation>file (cannot be displayed)</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1 bytes</translation>
    </message>
</context>
<context>
    <name>help</name>
    <message>
        <source>Het Dashboard laat zien wat op u wacht. Klik op een tegel om naar die lijst te gaan; dubbelklik (of Enter) op een regel om het stuk te openen.</source>
        <translation>The Dashboard shows what is waiting for you. Click a tile to go to that list; double-click (or Enter) on a line to open the item.</translation>
    </message>
    <message>
        <source>Gaat u even weg? Vergrendel met Ctrl+L. Na enkele minuten zonder invoer vergrendelt de werkplek zichzelf; tekst die u nog niet had opgeslagen, komt terug als u zich weer aanmeldt.</source>
        <translation>Stepping away for a moment? Lock with Ctrl+L. After a few minutes without input the workstation locks itself; text you had not saved yet comes back when you sign in again.</translation>
    </message>
    <message>
        <source>AIVD-behandelaar</source>
        <translation>AIVD case officer</translation>
    </message>
    <message>
        <source>Verzoeken: registreer of importeer de naslagverzoeken van de IND en neem ze in behandeling. De termijn is tien werkdagen; meld uitstel op tijd aan de liaison.</source>
        <translation>Requests: register or import the IND&apos;s records check requests and take them in progress. The deadline is ten working days; notify the liaison of a delay in time.</translation>
    </message>
    <message>
        <source>Ambtsberichten: kies &apos;Nieuw ambtsbericht…&apos;, vul onderwerp, aanleiding en bevindingen in en geef bij elke bevinding de betrouwbaarheid of een bronverwijzing. Sla op met Ctrl+S; elke opslag is een nieuwe versie.</source>
        <translation>Official reports: choose &apos;New official report…&apos;, fill in the subject, occasion and findings, and give the reliability or a source reference for each finding. Save with Ctrl+S; every save is a new version.</translation>
    </message>
    <message>
        <source>Klaar? Dien het in bij de IND-liaison. Vindt de liaison aanpassing wenselijk, of stuurt de ondertekenaar het terug, dan staat het onder &apos;Terug bij mij&apos;. Een ondertekend ambtsbericht brengt u uit onder &apos;Gereed om uit te brengen&apos;.</source>
        <translation>Done? Submit it to the IND liaison. If the liaison wants changes, or the signer sends it back, it appears under &apos;Returned to me&apos;. You issue a signed report under &apos;Ready to issue&apos;.</translation>
    </message>
    <message>
        <source>AIVD-ondertekenaar</source>
        <translation>AIVD signatory</translation>
    </message>
    <message>
        <source>Onder &apos;Wacht op mijn ondertekening&apos; staan de ambtsberichten die de IND-liaison bruikbaar vond. Lees de tekst, stel de rubricering vast en onderteken met uw wachtwoord.</source>
        <translation>Under &apos;Awaiting my signature&apos; are the official reports the IND liaison judged usable. Read the text, set the classification and sign with your password.</translation>
    </message>
    <message>
        <source>Een tekst die u zelf heeft geschreven, ondertekent u niet (vier ogen). Klopt er iets niet, stuur het ambtsbericht dan terug met een reden.</source>
        <translation>You do not sign a text you wrote yourself (four eyes). If something is not right, send the report back with a reason.</translation>
    </message>
    <message>
        <source>IND-liaison</source>
        <translation>IND liaison</translation>
    </message>
    <message>
        <source>Onder &apos;Wacht op mijn beoordeling&apos; staan de teksten die u moet lezen. Selecteer een passage en kies &apos;Opmerking toevoegen…&apos; om er iets over te zeggen.</source>
        <translation>Under &apos;Awaiting my review&apos; are the texts you need to read. Select a passage and choose &apos;Add comment…&apos; to say something about it.</translation>
    </message>
    <message>
        <source>Geef daarna uw oordeel: bruikbaar, of aanpassing wenselijk. Wat u beoordeeld heeft, vindt u terug onder &apos;Door mij beoordeeld&apos; tot het is uitgebracht.</source>
        <translation>Then give your verdict: usable, or changes wanted. What you have reviewed is under &apos;Reviewed by me&apos; until it has been issued.</translation>
    </message>
    <message>
        <source>IND-inzagemedewerker</source>
        <translation>IND inspector</translation>
    </message>
    <message>
        <source>Onder Inzage ziet u de uitgebrachte ambtsberichten en of u de onderliggende gegevens mag inzien. Daarvoor is een geldige aanwijzing nodig; het Dashboard laat zien tot wanneer die geldt.</source>
        <translation>Under Inspection you see the issued official reports and whether you may inspect the underlying data. This needs a valid designation; the Dashboard shows until when it is valid.</translation>
    </message>
    <message>
        <source>Tijdens de inzage kunt u niets kopiëren, afdrukken of opslaan. Uw eigen aantekeningen bewaart u bij de inzage. Een minuut voor het einde door inactiviteit krijgt u een waarschuwing.</source>
        <translation>During the inspection you cannot copy, print or save anything. You keep your own notes with the inspection. A minute before it ends through inactivity you get a warning.</translation>
    </message>
    <message>
        <source>Functioneel beheerder</source>
        <translation>Application administrator</translation>
    </message>
    <message>
        <source>Onder Beheer maakt u accounts aan, deblokkeert u ze en legt u aanwijzingen van inzagemedewerkers vast. U ziet geen ambtsberichten of onderliggende gegevens.</source>
        <translation>Under Administration you create and unlock accounts and record the designations of inspectors. You do not see official reports or underlying data.</translation>
    </message>
    <message>
        <source>Maak regelmatig een back-up en controleer de audittrail; het Dashboard herinnert u eraan. Voer nieuwe besluitdagen (Algemene termijnenwet) in onder Kalender.</source>
        <translation>Make a backup regularly and check the audit trail; the Dashboard reminds you. Enter new decree days (General Time Limits Act) under Calendar.</translation>
    </message>
    <message>
        <source>Vergrendelen</source>
        <translation>Lock</translation>
    </message>
    <message>
        <source>Afsluiten</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>Naar het eerste … negende onderdeel</source>
        <translation>To the first … ninth section</translation>
    </message>
    <message>
        <source>Ambtsbericht opslaan als nieuwe versie</source>
        <translation>Save the official report as a new version</translation>
    </message>
    <message>
        <source>Naar het zoekveld (verzoeken, ambtsberichten)</source>
        <translation>To the search field (requests, official reports)</translation>
    </message>
    <message>
        <source>Het getoonde onderdeel vernieuwen</source>
        <translation>Refresh the section shown</translation>
    </message>
    <message>
        <source>Deze handleiding</source>
        <translation>This user guide</translation>
    </message>
    <message>
        <source>De knop of het veld met die onderstreepte letter</source>
        <translation>The button or field with that underlined letter</translation>
    </message>
    <message>
        <source>Naar het volgende / vorige veld</source>
        <translation>To the next / previous field</translation>
    </message>
    <message>
        <source>In een venster: de standaardknop / annuleren. Een stap die niet terug kan (uitbrengen, inzage beëindigen) kiest u altijd zelf.</source>
        <translation>In a dialog: the default button / cancel. A step that cannot be undone (issuing, ending an inspection) you always choose yourself.</translation>
    </message>
    <message>
        <source>De offline werkplek voor het convenant tussen de AIVD en de IND (2019): naslagverzoeken met hun termijnen, ambtsberichten met de beoordeling door de IND-liaison en ondertekening volgens het vier-ogenprincipe, en inzage in de onderliggende gegevens.</source>
        <translation>The offline workstation for the covenant between the AIVD and the IND (2019): records check requests with their deadlines, official reports with the review by the IND liaison and signing under the four-eyes principle, and inspection of the underlying data.</translation>
    </message>
</context>
<context>
    <name>inspection</name>
    <message>
        <source>%1 u %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>beëindigd wegens inactiviteit</source>
        <translation>ended due to inactivity</translation>
    </message>
    <message>
        <source>beëindigd door de inzagemedewerker</source>
        <translation>ended by the inspector</translation>
    </message>
    <message>
        <source>loopt nog</source>
        <translation>still in progress</translation>
    </message>
    <message>
        <source>%1 van %2</source>
        <translation>%1 of %2</translation>
    </message>
    <message>
        <source>Inzage in %1 door %2 (aanwijzing %3), werkplek %4.</source>
        <translation>Inspection of %1 by %2 (designation %3), workstation %4.</translation>
    </message>
    <message>
        <source>Begonnen %1 · geëindigd %2 · %3.</source>
        <translation>Started %1 · ended %2 · %3.</translation>
    </message>
    <message>
        <source>Er is geen item geopend.</source>
        <translation>No item was opened.</translation>
    </message>
    <message>
        <source>• %1 — %2 bekeken (%3× geopend, eerst om %4)</source>
        <translation>• %1 — viewed for %2 (opened %3×, first at %4)</translation>
    </message>
    <message>
        <source>Aantekeningen van de inzage:</source>
        <translation>Notes from the inspection:</translation>
    </message>
    <message>
        <source>Geen aantekeningen.</source>
        <translation>No notes.</translation>
    </message>
    <message>
        <source>Verslag van inzage opslaan</source>
        <translation>Save inspection record</translation>
    </message>
    <message>
        <source>PDF-documenten (*.pdf)</source>
        <translation>PDF documents (*.pdf)</translation>
    </message>
    <message>
        <source>Het verslag van inzage is opgeslagen als %1.</source>
        <translation>The inspection record has been saved as %1.</translation>
    </message>
    <message>
        <source>Het PDF-bestand &apos;%1&apos; kan niet worden geschreven. Kies een andere map of naam.</source>
        <translation>The PDF file &apos;%1&apos; cannot be written. Choose another folder or name.</translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <source>AIVD-behandelaar</source>
        <translation>AIVD case officer</translation>
    </message>
    <message>
        <source>AIVD-ondertekenaar</source>
        <translation>AIVD signatory</translation>
    </message>
    <message>
        <source>IND-liaison</source>
        <translation>IND liaison</translation>
    </message>
    <message>
        <source>IND-inzagemedewerker</source>
        <translation>IND inspector</translation>
    </message>
    <message>
        <source>Functioneel beheerder</source>
        <translation>Application administrator</translation>
    </message>
    <message>
        <source>AIVD-kantoor</source>
        <translation>AIVD office</translation>
    </message>
    <message>
        <source>IND</source>
        <translation>IND</translation>
    </message>
    <message>
        <source>elders</source>
        <translation>elsewhere</translation>
    </message>
</context>
<context>
    <name>queues</name>
    <message>
        <source>Terug bij mij</source>
        <translation>Returned to me</translation>
    </message>
    <message>
        <source>Gereed om uit te brengen</source>
        <translation>Ready to issue</translation>
    </message>
    <message>
        <source>Verzoeken op of over de termijn</source>
        <translation>Requests at or past their deadline</translation>
    </message>
    <message>
        <source>Wacht op mijn beoordeling</source>
        <translation>Awaiting my review</translation>
    </message>
    <message>
        <source>Door mij beoordeeld, wacht op de AIVD</source>
        <translation>Reviewed by me, awaiting the AIVD</translation>
    </message>
    <message>
        <source>Wacht op mijn ondertekening</source>
        <translation>Awaiting my signature</translation>
    </message>
    <message>
        <source>Open voor inzage</source>
        <translation>Open for inspection</translation>
    </message>
    <message>
        <source>Mijn aanwijzing</source>
        <translation>My designation</translation>
    </message>
    <message>
        <source>Geblokkeerde accounts</source>
        <translation>Locked accounts</translation>
    </message>
    <message>
        <source>Laatste back-up</source>
        <translation>Latest backup</translation>
    </message>
    <message>
        <source>Besluitdagen (Atw)</source>
        <translation>Decree days (Time Limits Act)</translation>
    </message>
    <message>
        <source>Controle audittrail</source>
        <translation>Audit trail check</translation>
    </message>
</context>
<context>
    <name>reports</name>
    <message>
        <source>concept</source>
        <translation>draft</translation>
    </message>
    <message>
        <source>ter beoordeling</source>
        <translation>in review</translation>
    </message>
    <message>
        <source>aanpassing wenselijk</source>
        <translation>changes wanted</translation>
    </message>
    <message>
        <source>bruikbaar</source>
        <translation>usable</translation>
    </message>
    <message>
        <source>ondertekend</source>
        <translation>signed</translation>
    </message>
    <message>
        <source>uitgebracht</source>
        <translation>issued</translation>
    </message>
    <message>
        <source>Mijn concepten</source>
        <translation>My drafts</translation>
    </message>
    <message>
        <source>Terug bij mij</source>
        <translation>Returned to me</translation>
    </message>
    <message>
        <source>Aangeboden</source>
        <translation>Submitted</translation>
    </message>
    <message>
        <source>Wacht op mijn beoordeling</source>
        <translation>Awaiting my review</translation>
    </message>
    <message>
        <source>Door mij beoordeeld</source>
        <translation>Reviewed by me</translation>
    </message>
    <message>
        <source>Wacht op mijn ondertekening</source>
        <translation>Awaiting my signature</translation>
    </message>
    <message>
        <source>Gereed om uit te brengen</source>
        <translation>Ready to issue</translation>
    </message>
    <message>
        <source>Uitgebracht</source>
        <translation>Issued</translation>
    </message>
    <message>
        <source>zeer betrouwbaar</source>
        <translation>very reliable</translation>
    </message>
    <message>
        <source>betrouwbaar</source>
        <translation>reliable</translation>
    </message>
    <message>
        <source>redelijk betrouwbaar</source>
        <translation>fairly reliable</translation>
    </message>
    <message>
        <source>onbekend (juistheid niet vast te stellen)</source>
        <translation>unknown (correctness cannot be established)</translation>
    </message>
    <message>
        <source>ingediend</source>
        <translation>submitted</translation>
    </message>
    <message>
        <source>teruggestuurd</source>
        <translation>sent back</translation>
    </message>
    <message>
        <source>opgesteld</source>
        <translation>drafted</translation>
    </message>
    <message>
        <source>herzien</source>
        <translation>revised</translation>
    </message>
    <message>
        <source>rubricering gewijzigd</source>
        <translation>classification changed</translation>
    </message>
    <message>
        <source>ter beoordeling aangeboden</source>
        <translation>submitted for review</translation>
    </message>
    <message>
        <source>opmerking geplaatst</source>
        <translation>comment added</translation>
    </message>
    <message>
        <source>bruikbaar geoordeeld</source>
        <translation>judged usable</translation>
    </message>
    <message>
        <source>aanpassing wenselijk geoordeeld</source>
        <translation>judged changes wanted</translation>
    </message>
    <message>
        <source>correctie vastgelegd</source>
        <translation>correction recorded</translation>
    </message>
    <message>
        <source>indiening ingetrokken</source>
        <translation>submission withdrawn</translation>
    </message>
    <message>
        <source>teruggestuurd door de ondertekenaar</source>
        <translation>sent back by the signer</translation>
    </message>
    <message>
        <source>opmerking gewijzigd</source>
        <translation>comment edited</translation>
    </message>
    <message>
        <source>opmerking ingetrokken</source>
        <translation>comment withdrawn</translation>
    </message>
    <message>
        <source>opmerking afgehandeld</source>
        <translation>comment dealt with</translation>
    </message>
    <message>
        <source>ingezien</source>
        <translation>viewed</translation>
    </message>
    <message>
        <source>afgedrukt</source>
        <translation>printed</translation>
    </message>
</context>
<context>
    <name>requests</name>
    <message>
        <source>Uitstelbericht achteraf vastgelegd</source>
        <translation>Delay notice recorded afterwards</translation>
    </message>
    <message>
        <source>Binnen de termijn</source>
        <translation>On time</translation>
    </message>
    <message>
        <source>Te laat, met uitstelbericht</source>
        <translation>Late, with delay notice</translation>
    </message>
    <message>
        <source>Te laat, zonder uitstelbericht</source>
        <translation>Late, without delay notice</translation>
    </message>
    <message>
        <source>Nog binnen de termijn</source>
        <translation>Still within the deadline</translation>
    </message>
    <message>
        <source>AIVD → IND</source>
        <translation>AIVD → IND</translation>
    </message>
    <message>
        <source>IND → AIVD</source>
        <translation>IND → AIVD</translation>
    </message>
    <message>
        <source>ontvangen</source>
        <translation>received</translation>
    </message>
    <message>
        <source>in behandeling</source>
        <translation>in progress</translation>
    </message>
    <message>
        <source>ambtsbericht in voorbereiding</source>
        <translation>official report in preparation</translation>
    </message>
    <message>
        <source>afgesloten zonder ambtsbericht</source>
        <translation>closed without official report</translation>
    </message>
    <message>
        <source>afgesloten, ambtsbericht uitgebracht</source>
        <translation>closed, official report issued</translation>
    </message>
    <message>
        <source>asiel</source>
        <translation>asylum</translation>
    </message>
    <message>
        <source>verblijf</source>
        <translation>residence</translation>
    </message>
    <message>
        <source>naturalisatie</source>
        <translation>naturalisation</translation>
    </message>
    <message>
        <source>overig</source>
        <translation>other</translation>
    </message>
    <message>
        <source>Termijn verstreken</source>
        <translation>Deadline passed</translation>
    </message>
    <message>
        <source>Termijn vandaag</source>
        <translation>Deadline today</translation>
    </message>
    <message>
        <source>Waarschuwing: geen uitstelbericht</source>
        <translation>Warning: no delay notice</translation>
    </message>
    <message>
        <source>Termijn deze week</source>
        <translation>Deadline this week</translation>
    </message>
    <message>
        <source>Overige lopende verzoeken</source>
        <translation>Other open requests</translation>
    </message>
    <message>
        <source>Afgesloten</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>Open verzoeken waarvan de termijn van tien werkdagen voorbij is.</source>
        <translation>Open requests whose ten-working-day deadline has passed.</translation>
    </message>
    <message>
        <source>Open verzoeken waarvan vandaag de laatste dag van de termijn is.</source>
        <translation>Open requests whose last day is today.</translation>
    </message>
    <message>
        <source>Vanaf werkdag %1 van de termijn, nog zonder melding van uitstel aan de liaison.</source>
        <translation>From working day %1 of the term, with no delay notice to the liaison yet.</translation>
    </message>
    <message>
        <source>Open verzoeken waarvan de termijn deze week afloopt.</source>
        <translation>Open requests whose deadline is this week.</translation>
    </message>
    <message>
        <source>Open verzoeken met een termijn na deze week.</source>
        <translation>Open requests with a deadline after this week.</translation>
    </message>
    <message>
        <source>Afgehandeld, met of zonder ambtsbericht.</source>
        <translation>Handled, with or without an official report.</translation>
    </message>
    <message>
        <source>te laat</source>
        <translation>late</translation>
    </message>
    <message>
        <source>vandaag</source>
        <translation>today</translation>
    </message>
    <message>
        <source>waarschuwing</source>
        <translation>warning</translation>
    </message>
    <message>
        <source>deze week</source>
        <translation>this week</translation>
    </message>
    <message>
        <source>lopend</source>
        <translation>open</translation>
    </message>
    <message>
        <source>afgesloten</source>
        <translation>closed</translation>
    </message>
    <message>
        <source>bij besluit gelijkgestelde dag</source>
        <translation>day equated by decree</translation>
    </message>
    <message>
        <source>sluitingsdag</source>
        <translation>closure day</translation>
    </message>
    <message>
        <source>Verzoeken ontvangen</source>
        <translation>Requests received</translation>
    </message>
    <message>
        <source>Verzoeken afgesloten</source>
        <translation>Requests closed</translation>
    </message>
    <message>
        <source>Binnen de termijn afgehandeld</source>
        <translation>Handled on time</translation>
    </message>
    <message>
        <source>Nog open na de termijn</source>
        <translation>Still open past the deadline</translation>
    </message>
    <message>
        <source>Mediane behandelduur (werkdagen)</source>
        <translation>Median handling time (working days)</translation>
    </message>
    <message>
        <source>Ambtsberichten uitgebracht</source>
        <translation>Official reports issued</translation>
    </message>
    <message>
        <source>Inzages gehouden</source>
        <translation>Inspections held</translation>
    </message>
    <message>
        <source>Verstrekkingen AIVD → IND</source>
        <translation>Provisions AIVD → IND</translation>
    </message>
    <message>
        <source>Verstrekkingen IND → AIVD</source>
        <translation>Provisions IND → AIVD</translation>
    </message>
    <message>
        <source>Ambtsbericht binnen de termijn</source>
        <translation>Report within the term</translation>
    </message>
    <message>
        <source>Ambtsbericht te laat, met uitstelbericht</source>
        <translation>Report late, with delay notice</translation>
    </message>
    <message>
        <source>Ambtsbericht te laat, zonder uitstelbericht</source>
        <translation>Report late, without delay notice</translation>
    </message>
    <message>
        <source>Zonder gegevens, binnen de termijn</source>
        <translation>No data, within the term</translation>
    </message>
    <message>
        <source>Zonder gegevens, na de termijn</source>
        <translation>No data, after the term</translation>
    </message>
    <message>
        <source>naam betrokkene</source>
        <translation>subject name</translation>
    </message>
    <message>
        <source>V-nummer</source>
        <translation>V-number</translation>
    </message>
    <message>
        <source>doel</source>
        <translation>purpose</translation>
    </message>
    <message>
        <source>ontvangen op</source>
        <translation>received on</translation>
    </message>
    <message>
        <source>geboortedatum</source>
        <translation>date of birth</translation>
    </message>
    <message>
        <source>nationaliteit</source>
        <translation>nationality</translation>
    </message>
    <message>
        <source>IND-kenmerk</source>
        <translation>IND reference</translation>
    </message>
    <message>
        <source>reden</source>
        <translation>reason</translation>
    </message>
    <message>
        <source>datum</source>
        <translation>date</translation>
    </message>
    <message>
        <source>omschrijving</source>
        <translation>description</translation>
    </message>
    <message>
        <source>richting</source>
        <translation>direction</translation>
    </message>
    <message>
        <source>maandag</source>
        <translation>Monday</translation>
    </message>
    <message>
        <source>dinsdag</source>
        <translation>Tuesday</translation>
    </message>
    <message>
        <source>woensdag</source>
        <translation>Wednesday</translation>
    </message>
    <message>
        <source>donderdag</source>
        <translation>Thursday</translation>
    </message>
    <message>
        <source>vrijdag</source>
        <translation>Friday</translation>
    </message>
    <message>
        <source>zaterdag</source>
        <translation>Saturday</translation>
    </message>
    <message>
        <source>zondag</source>
        <translation>Sunday</translation>
    </message>
    <message>
        <source>rij %1</source>
        <translation>row %1</translation>
    </message>
    <message>
        <source>veld ‘%1’</source>
        <translation>field ‘%1’</translation>
    </message>
    <message>
        <source>De lijst is niet ingelezen; er is niets vastgelegd.</source>
        <translation>The list was not read; nothing was recorded.</translation>
    </message>
</context>
<context>
    <name>sections</name>
    <message>
        <source>Dashboard</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <source>Hier komt uw overzicht: lopende naslagverzoeken, termijnen die bijna of al verlopen zijn, en ambtsberichten die op u wachten.</source>
        <translation>Your overview will come here: open records check requests, deadlines that are close or past, and official reports waiting for you.</translation>
    </message>
    <message>
        <source>Verzoeken</source>
        <translation>Requests</translation>
    </message>
    <message>
        <source>Hier komen de naslagverzoeken van de IND: registreren en importeren, zoeken, de termijn van tien werkdagen (Algemene termijnenwet) en de melding van uitstel.</source>
        <translation>The IND&apos;s records check requests will come here: registering and importing, searching, the ten-working-day deadline (General Time Limits Act) and the delay notice.</translation>
    </message>
    <message>
        <source>Ambtsberichten</source>
        <translation>Official reports</translation>
    </message>
    <message>
        <source>Hier komen de ambtsberichten: concepten en versies, de beoordeling door de IND-liaison, ondertekenen, uitbrengen en afdrukken.</source>
        <translation>Official reports will come here: drafts and versions, the review by the IND liaison, signing, issuing and printing.</translation>
    </message>
    <message>
        <source>Verstrekkingen</source>
        <translation>Provisions</translation>
    </message>
    <message>
        <source>Hier komt het verstrekkingenregister: elke verstrekking van gegevens tussen AIVD en IND, in beide richtingen.</source>
        <translation>The provisions register will come here: every provision of data between the AIVD and the IND, in both directions.</translation>
    </message>
    <message>
        <source>Inzage</source>
        <translation>Inspection</translation>
    </message>
    <message>
        <source>Hier komt de inzage in de onderliggende gegevens van uitgebrachte ambtsberichten (art. 2.5), alleen op een werkplek ten kantore van de AIVD.</source>
        <translation>Inspection of the underlying data of issued official reports (art. 2.5) will come here, only on a workstation at the AIVD office.</translation>
    </message>
    <message>
        <source>Statistiek</source>
        <translation>Statistics</translation>
    </message>
    <message>
        <source>Hier komen de cijfers voor het periodiek overleg: verzoeken, termijnen, ambtsberichten, inzagen en verstrekkingen, op het scherm en als PDF.</source>
        <translation>The figures for the periodic consultation will come here: requests, deadlines, official reports, inspections and provisions, on screen and as a PDF.</translation>
    </message>
    <message>
        <source>Overleg</source>
        <translation>Consultation</translation>
    </message>
    <message>
        <source>Hier komen de periodieke overleggen van de hoofden (art. 3.2): deelnemers, besluiten, actiepunten en de cijfers over de periode, bevroren op het peilmoment.</source>
        <translation>The periodic consultations of the heads (art. 3.2) will come here: participants, decisions, action points and the figures for the period, frozen at the reference moment.</translation>
    </message>
    <message>
        <source>Convenant</source>
        <translation>Covenant</translation>
    </message>
    <message>
        <source>Hier komt het convenantregister: het convenant van 2019, wijzigingen en opzegging, de niet-openbare bijlage en de uitvoeringsplannen.</source>
        <translation>The covenant register will come here: the 2019 covenant, amendments and termination, the non-public annex and the implementation plans.</translation>
    </message>
    <message>
        <source>Beheer</source>
        <translation>Administration</translation>
    </message>
</context>
</TS>
