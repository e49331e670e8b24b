; Inno Setup script of QSM Desktop (服务质量管理办公室桌面程序) — per-user install, no admin rights.
;
; Packs the PyInstaller one-folder bundle (installer/dist/qsm-desktop, see qsm_desktop.spec) into
; installer/Output/QSM-Desktop-<version>-setup.exe. Build on Windows with Inno Setup 6.3 or newer:
;
;     iscc installer\qsm_desktop.iss
;
; Options (iscc /DName=Value):
;   BundleDir   folder of the bundle, relative to this script or absolute (default dist\qsm-desktop)
;   AppVersion  version shown by the installer (default: what `qsm.exe --version` in the bundle prints)
;   IconFile    the setup program's icon (default build\qsm_desktop\qsm-desktop.ico, which the spec
;               renders; no icon when the file is not there)
; and iscc's own /O<folder> puts the installer elsewhere than installer\Output.
;
; Installer languages: Simplified Chinese (first, the default) and English. Inno Setup ships
; ChineseSimplified.isl in its Languages folder only in recent releases; with an older one, put
; ChineseSimplified.isl (Inno Setup's translations page) next to this script.
;
; The user's data (database, backups, settings, logs under %LOCALAPPDATA%\QSM\QSM Desktop) is
; never touched by the installer or the uninstaller.

#define AppName "QSM Desktop"
#define AppPublisher "QSM"
#define GuiExe "qsm-desktop.exe"
#define CliExe "qsm.exe"

#ifndef BundleDir
  #define BundleDir "dist\qsm-desktop"
#endif
; An absolute BundleDir (C:\... or \\server\...) is taken as it is, a relative one from this script's folder.
#if Copy(BundleDir, 2, 1) == ":" || Copy(BundleDir, 1, 2) == "\\"
  #define BundlePath BundleDir
#else
  #define BundlePath AddBackslash(SourcePath) + BundleDir
#endif
#ifndef IconFile
  #define IconFile AddBackslash(SourcePath) + "build\qsm_desktop\qsm-desktop.ico"
#endif

#if !FileExists(BundlePath + "\" + GuiExe) || !FileExists(BundlePath + "\" + CliExe)
  #error The PyInstaller bundle is missing: build it first (installer\README.md), or pass /DBundleDir=...
#endif

#ifndef AppVersion
  ; "qsm 0.1.0" -> "0.1.0"
  #define VersionLine ExecAndGetFirstLine(BundlePath + "\" + CliExe, "--version")
  #if VersionLine == ""
    #error Could not read the version from qsm.exe --version: pass /DAppVersion=...
  #endif
  #define AppVersion Copy(VersionLine, RPos(" ", VersionLine) + 1)
#endif

#if FileExists(AddBackslash(CompilerPath) + "Languages\ChineseSimplified.isl")
  #define ChineseIsl "compiler:Languages\ChineseSimplified.isl"
#elif FileExists(AddBackslash(SourcePath) + "ChineseSimplified.isl")
  #define ChineseIsl AddBackslash(SourcePath) + "ChineseSimplified.isl"
#else
  #error ChineseSimplified.isl not found in Inno Setup's Languages folder nor next to this script (see installer\README.md)
#endif

[Setup]
; AppId identifies the product for upgrades and uninstall: never change it.
AppId={{6B2E19FC-57A3-40CE-9E90-0CF730839EFB}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppPublisher}
; Per-user: no UAC prompt; {autopf} is %LOCALAPPDATA%\Programs for a non-administrative install.
PrivilegesRequired=lowest
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
UsePreviousAppDir=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
; Qt 6 needs Windows 10 or newer.
MinVersion=10.0
OutputDir=Output
OutputBaseFilename=QSM-Desktop-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ShowLanguageDialog=auto
CloseApplications=yes
ChangesEnvironment=yes
UninstallDisplayName={#AppName}
UninstallDisplayIcon={app}\{#GuiExe}
#if FileExists(IconFile)
SetupIconFile={#IconFile}
#endif

[Languages]
Name: "chinesesimplified"; MessagesFile: "{#ChineseIsl}"
Name: "english"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
chinesesimplified.AddToPath=将命令行程序 qsm 加入当前用户的 PATH（可在命令提示符中直接运行 qsm）
english.AddToPath=Add the qsm command line to my PATH (run qsm from any command prompt)
chinesesimplified.CommandLineGroup=命令行：
english.CommandLineGroup=Command line:

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked
Name: "addtopath"; Description: "{cm:AddToPath}"; GroupDescription: "{cm:CommandLineGroup}"; Flags: unchecked

[InstallDelete]
; A new bundle replaces the old one completely (no stale libraries from an older version).
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#BundlePath}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#GuiExe}"; WorkingDir: "{app}"
Name: "{group}\{cm:UninstallProgram,{#AppName}}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#GuiExe}"; WorkingDir: "{app}"; Tasks: desktopicon

[Registry]
Root: HKCU; Subkey: "Environment"; ValueType: expandsz; ValueName: "Path"; ValueData: "{olddata};{app}"; Tasks: addtopath; Check: NeedsAddPath(ExpandConstant('{app}'))

[Run]
Filename: "{app}\{#GuiExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[Code]
{ True when Dir is not yet an entry of the user's PATH (case-insensitive). }
function NeedsAddPath(Dir: string): Boolean;
var
  Paths: string;
begin
  if not RegQueryStringValue(HKEY_CURRENT_USER, 'Environment', 'Path', Paths) then
    Result := True
  else
    Result := Pos(';' + Uppercase(Dir) + ';', ';' + Uppercase(Paths) + ';') = 0;
end;

{ Remove Dir (one entry and one separator) from the user's PATH, if present. }
procedure RemoveFromPath(Dir: string);
var
  Paths: string;
  P: Integer;
begin
  if not RegQueryStringValue(HKEY_CURRENT_USER, 'Environment', 'Path', Paths) then
    exit;
  P := Pos(';' + Uppercase(Dir) + ';', ';' + Uppercase(Paths) + ';');
  if P = 0 then
    exit;
  { The entry starts at index P of Paths; drop the ';' before it, or else the one after it. }
  if P > 1 then
    Delete(Paths, P - 1, Length(Dir) + 1)
  else
    Delete(Paths, P, Length(Dir) + 1);
  RegWriteExpandStringValue(HKEY_CURRENT_USER, 'Environment', 'Path', Paths);
end;

procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  if CurUninstallStep = usPostUninstall then
    RemoveFromPath(ExpandConstant('{app}'));
end;
