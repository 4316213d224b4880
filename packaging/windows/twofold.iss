; Inno Setup script for Twofold on Windows.
; Build the one-folder app first (packaging/build.py), then:
;     iscc /DAppVersion=0.1.0 packaging\windows\twofold.iss
; The installer lands in dist\installer\.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif

[Setup]
AppId={{6C1F4E2A-8D3B-4B8E-9C1A-2F7D5E0B9A41}
AppName=Twofold
AppVersion={#AppVersion}
AppVerName=Twofold {#AppVersion}
AppPublisher=The Twofold developers
AppPublisherURL=https://github.com/twofold-journal/twofold
DefaultDirName={autopf}\Twofold
DefaultGroupName=Twofold
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
OutputDir=..\..\dist\installer
OutputBaseFilename=Twofold-{#AppVersion}-setup
SetupIconFile=twofold.ico
UninstallDisplayIcon={app}\twofold.exe
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
LicenseFile=..\..\LICENSE

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked
Name: "startatlogin"; Description: "Start Twofold in the tray when I sign in (reminders arrive; the journal stays locked)"; Flags: unchecked

[Files]
Source: "..\..\dist\Twofold\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\Twofold"; Filename: "{app}\twofold.exe"
Name: "{autodesktop}\Twofold"; Filename: "{app}\twofold.exe"; Tasks: desktopicon
Name: "{userstartup}\Twofold"; Filename: "{app}\twofold.exe"; Parameters: "--in-tray"; Tasks: startatlogin

[Run]
Filename: "{app}\twofold.exe"; Description: "{cm:LaunchProgram,Twofold}"; Flags: nowait postinstall skipifsilent

; The vault lives in the user's data folder (%LOCALAPPDATA%\Twofold), never in {app}:
; uninstalling Twofold never deletes anyone's journal.
