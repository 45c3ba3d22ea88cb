<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="nl_NL">
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
            <source>Geldig &amp;vanaf</source>
            <translation>Valid &amp;from</translation>
        </message>
        <message>
            <source>Met &amp;einddatum</source>
            <translation>With an &amp;end date</translation>
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
            <source>Rollen</source>
            <translation>Roles</translation>
        </message>
        <message>
            <source>&amp;Bevoegd tot en met</source>
            <translation>&amp;Cleared up to</translation>
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
            <source>Ten minste 10 tekens. Geef het wachtwoord persoonlijk door.</source>
            <translation>At least 10 characters. Hand the password over in person.</translation>
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
            <source>&amp;Gebruikers</source>
            <translation>&amp;Users</translation>
        </message>
        <message>
            <source>&amp;Aanwijzingen</source>
            <translation>&amp;Designations</translation>
        </message>
        <message>
            <source>Audit&amp;trail</source>
            <translation>Audit &amp;trail</translation>
        </message>
        <message>
            <source>&amp;Back-up</source>
            <translation>&amp;Backup</translation>
        </message>
        <message>
            <source>Gebruiker &amp;toevoegen…</source>
            <translation>&amp;Add user…</translation>
        </message>
        <message>
            <source>Account &amp;deblokkeren</source>
            <translation>&amp;Unlock account</translation>
        </message>
        <message>
            <source>Deblokkeer een account dat na te veel mislukte aanmeldpogingen dicht zit.</source>
            <translation>Unlock an account that was locked after too many failed sign-in attempts.</translation>
        </message>
        <message>
            <source>&amp;Vernieuwen</source>
            <translation>&amp;Refresh</translation>
        </message>
        <message>
            <source>IND-inzagemedewerkers mogen alleen inzien met een geldige aanwijzing door de Hoofddirecteur IND.</source>
            <translation>IND inspectors may only inspect with a valid designation by the Director-General of the IND.</translation>
        </message>
        <message>
            <source>Aanwijzing &amp;vastleggen…</source>
            <translation>&amp;Record designation…</translation>
        </message>
        <message>
            <source>Eerder &amp;anker (optioneel)</source>
            <translation>Earlier &amp;anchor (optional)</translation>
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
            <translation>&amp;Verify audit trail</translation>
        </message>
        <message>
            <source>&amp;Kop van de keten (anker)</source>
            <translation>&amp;Head of the chain (anchor)</translation>
        </message>
        <message>
            <source>Kop van de keten</source>
            <translation>Head of the chain</translation>
        </message>
        <message numerus="yes">
            <source>Laatste %n vermeldingen</source>
            <translation>
                <numerusform>Last %n entry</numerusform>
                <numerusform>Last %n entries</numerusform>
            </translation>
        </message>
        <message>
            <source>Een back-up is versleuteld en controleert zichzelf bij het terugzetten. Terugzetten kan alleen met de herstelsleutel die bij het aanmaken van de werkplek is getoond. Bewaar de back-up op een plek die past bij de hoogste rubricering in de werkplek.</source>
            <translation>A backup is encrypted and checks itself when it is restored. Restoring needs the recovery key that was shown when the workspace was created. Keep the backup in a place that suits the highest classification in the workspace.</translation>
        </message>
        <message>
            <source>Back-up &amp;maken…</source>
            <translation>&amp;Make backup…</translation>
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
            <source>Bezig met controleren…</source>
            <translation>Verifying…</translation>
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
            <source>✖ Niet in orde: de keten is ongeschonden, maar de database meldt schade (%1).</source>
            <translation>✖ Not in order: the chain is intact, but the database reports damage (%1).</translation>
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
        <message>
            <source>✔ Back-up gemaakt: %1 (%2 bytes).
SHA-256: %3</source>
            <translation>✔ Backup made: %1 (%2 bytes).
SHA-256: %3</translation>
        </message>
    </context>
    <context>
        <name>AppController</name>
        <message>
            <source>De oefenwerkplek wordt klaargezet…</source>
            <translation>Preparing the practice workspace…</translation>
        </message>
        <message>
            <source>Er is geen sleutelring beschikbaar.</source>
            <translation>No keyring is available.</translation>
        </message>
        <message>
            <source>In deze map staat geen werkplek. Maak er een met 'werkplek init', of start met --data-dir en de map van een bestaande werkplek.</source>
            <translation>This folder holds no workspace. Create one with 'werkplek init', or start with --data-dir and the folder of an existing workspace.</translation>
        </message>
        <message numerus="yes">
            <source>De werkplek is vergrendeld na %n minuten zonder activiteit. Meld u opnieuw aan om verder te werken.</source>
            <translation>
                <numerusform>The workstation was locked after %n minute without activity. Sign in again to continue.</numerusform>
                <numerusform>The workstation was locked after %n minutes without activity. Sign in again to continue.</numerusform>
            </translation>
        </message>
        <message>
            <source>De werkplek is vergrendeld. Meld u opnieuw aan om verder te werken.</source>
            <translation>The workstation is locked. Sign in again to continue.</translation>
        </message>
    </context>
    <context>
        <name>AuditTableModel</name>
        <message>
            <source>Nr.</source>
            <translation>No.</translation>
        </message>
        <message>
            <source>Tijd (UTC)</source>
            <translation>Time (UTC)</translation>
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
            <source>Object</source>
            <translation>Object</translation>
        </message>
        <message>
            <source>Resultaat</source>
            <translation>Result</translation>
        </message>
        <message>
            <source>Details</source>
            <translation>Details</translation>
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
            <translation>&amp;Current password</translation>
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
            <source>Ten minste 10 tekens, niet gelijk aan uw naam.</source>
            <translation>At least 10 characters, not the same as your name.</translation>
        </message>
        <message>
            <source>De twee nieuwe wachtwoorden zijn niet gelijk.</source>
            <translation>The two new passwords are not the same.</translation>
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
        <name>FormDialog</name>
        <message>
            <source>Annuleren</source>
            <translation>Cancel</translation>
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
            <source>Over Convenantwerkplek</source>
            <translation>About Covenant workstation</translation>
        </message>
        <message>
            <source>Convenantwerkplek: de offline werkplek voor het convenant tussen de AIVD en de IND (2019).</source>
            <translation>Covenant workstation: the offline workstation for the covenant between the AIVD and the IND (2019).</translation>
        </message>
        <message>
            <source>Uw wachtwoord is gewijzigd.</source>
            <translation>Your password has been changed.</translation>
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
            <source>Inactief</source>
            <translation>Inactive</translation>
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
        <name>sections</name>
        <message>
            <source>Dashboard</source>
            <translation>Dashboard</translation>
        </message>
        <message>
            <source>Hier komt uw overzicht: lopende naslagverzoeken, termijnen die bijna of al verlopen zijn, en ambtsberichten die op u wachten.</source>
            <translation>Your overview will come here: open records requests, deadlines that are close or past, and official reports waiting for you.</translation>
        </message>
        <message>
            <source>Verzoeken</source>
            <translation>Requests</translation>
        </message>
        <message>
            <source>Hier komen de naslagverzoeken van de IND: registreren en importeren, zoeken, de termijn van tien werkdagen (Algemene termijnenwet) en de melding van uitstel.</source>
            <translation>The IND's records requests will come here: registering and importing, searching, the ten-working-day deadline (General Time Limits Act) and the delay notice.</translation>
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
            <source>Beheer</source>
            <translation>Administration</translation>
        </message>
    </context>
</TS>
