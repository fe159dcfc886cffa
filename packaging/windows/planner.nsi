; planner: per-user installer (no administrator rights).
; Built by packaging/installers.py, never by hand:
;   makensis -INPUTCHARSET UTF8 -DVERSION=0.1.0 -DBUNDLE=<dist\planner> -DOUTFILE=<setup.exe> planner.nsi
; Installs the one-folder bundle to %LOCALAPPDATA%\Programs\planner, adds a Start-menu
; shortcut for this user, and registers the uninstaller under HKCU only.
; Silent: setup.exe /S [/D=<folder>]; uninstall: "<folder>\uninstall.exe" /S.

Unicode true
; 64-bit like planner itself (PySide6 ships for x64 Windows only).
Target amd64-unicode
ManifestDPIAware true
RequestExecutionLevel user
SetCompressor /SOLID lzma

!ifndef VERSION
  !error "define VERSION, BUNDLE and OUTFILE (see packaging/installers.py)"
!endif
!ifndef BUNDLE
  !error "define BUNDLE"
!endif
!ifndef OUTFILE
  !error "define OUTFILE"
!endif

!define APP "planner"
!define DISPLAY_NAME "planner（官民データ活用推進計画 作成支援）"
!define SHORTCUT "$SMPROGRAMS\planner（官民データ活用推進計画）.lnk"
!define UNINST_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\planner"
; Windows 10 version 1903: the oldest Windows Qt 6.11 supports.
!define MIN_BUILD 18362

Name "${DISPLAY_NAME}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\planner"
InstallDirRegKey HKCU "${UNINST_KEY}" "InstallLocation"
BrandingText "planner ${VERSION}"

!include MUI2.nsh
!include LogicLib.nsh
!include WinVer.nsh
!include FileFunc.nsh

!define MUI_ABORTWARNING
!define MUI_ICON "planner.ico"
!define MUI_UNICON "planner.ico"
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!define MUI_FINISHPAGE_RUN "$INSTDIR\planner.exe"
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "Japanese"

VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=${LANG_JAPANESE} "ProductName" "planner"
VIAddVersionKey /LANG=${LANG_JAPANESE} "FileDescription" "${DISPLAY_NAME} セットアップ"
VIAddVersionKey /LANG=${LANG_JAPANESE} "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_JAPANESE} "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_JAPANESE} "LegalCopyright" "MIT License"

; The uninstaller is written while setup.exe is compiled: sign it then, when asked to.
!ifdef SIGN_UNINSTALLER
  !uninstfinalize '${SIGN_UNINSTALLER} "%1"'
!endif

Function .onInit
  ${IfNot} ${AtLeastWin10}
  ${OrIfNot} ${AtLeastBuild} ${MIN_BUILD}
    MessageBox MB_OK|MB_ICONSTOP "planner を使うには Windows 10 バージョン 1903（ビルド 18362）以降、または Windows 11 が必要です。$\r$\nこの PC の Windows では使えないため、インストールを中止します。$\r$\nWindows Update で更新するか、情報システム担当者にご相談ください。$\r$\n$\r$\nplanner needs Windows 10 version 1903 (build 18362) or newer." /SD IDOK
    Abort
  ${EndIf}
FunctionEnd

Section "planner"
  SetShellVarContext current
  SetOutPath "$INSTDIR"
  ; An update replaces the whole bundle: no file of an older version stays behind.
  RMDir /r "$INSTDIR\_internal"
  File /r "${BUNDLE}\*.*"
  WriteUninstaller "$INSTDIR\uninstall.exe"
  CreateShortcut "${SHORTCUT}" "$INSTDIR\planner.exe" "" "$INSTDIR\planner.exe" 0 SW_SHOWNORMAL "" "官民データ活用推進計画の作成・点検・出力"

  WriteRegStr HKCU "${UNINST_KEY}" "DisplayName" "${DISPLAY_NAME}"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayIcon" "$INSTDIR\planner.exe"
  WriteRegStr HKCU "${UNINST_KEY}" "Publisher" "planner"
  WriteRegStr HKCU "${UNINST_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINST_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${UNINST_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINST_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINST_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  WriteRegDWORD HKCU "${UNINST_KEY}" "EstimatedSize" $0
SectionEnd

Section "Uninstall"
  SetShellVarContext current
  Delete "${SHORTCUT}"
  ; Only what setup.exe put there: the user's plans and %APPDATA%\planner are never touched.
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\planner.exe"
  Delete "$INSTDIR\planner-cli.exe"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  DeleteRegKey HKCU "${UNINST_KEY}"
SectionEnd
