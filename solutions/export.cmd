@echo off
rem @kit:instructor-only
rem Exports the student edition of the kit into a new folder. Usage: solutions\export.cmd ..\socket-chat-kit-student
rem The tool is compiled first (quietly; quick when nothing changed).
setlocal
set "JAVA_EXE=java"
if defined JAVA_HOME set "JAVA_EXE=%JAVA_HOME%\bin\java"
call "%~dp0..\mvnw.cmd" -q -B -f "%~dp0tools\pom.xml" compile <nul
if errorlevel 1 exit /b %ERRORLEVEL%
"%JAVA_EXE%" -cp "%~dp0tools\target\classes" chatkit.tools.ExportStudentEdition --from "%~dp0.." %*
exit /b %ERRORLEVEL%
