@echo off
rem @kit:instructor-only
rem Exports the student edition of the kit into a new folder. Usage: solutions\export.cmd ..\socket-chat-kit-student
setlocal
set "JAVA_EXE=java"
if defined JAVA_HOME set "JAVA_EXE=%JAVA_HOME%\bin\java"
"%JAVA_EXE%" "%~dp0tools\src\main\java\chatkit\tools\ExportStudentEdition.java" --from "%~dp0.." %*
exit /b %ERRORLEVEL%
