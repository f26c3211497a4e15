@echo off
rem @kit:instructor-only
rem Runs the reference chat live, for class:  solutions\chat.cmd server   then   solutions\chat.cmd client
setlocal
set "HERE=%~dp0"
set "ROLE=%~1"
if "%~1"=="1" (
  set "ROLE=%~2"
  shift
)
if /I "%ROLE%"=="server" set "MAIN=chatkit.lesson1.ConsoleChatServer"
if /I "%ROLE%"=="client" set "MAIN=chatkit.lesson1.ConsoleChatClient"
if not defined MAIN (
  echo Usage: solutions\chat.cmd server^|client [options]
  exit /b 2
)
set "JAVA_EXE=java"
if defined JAVA_HOME set "JAVA_EXE=%JAVA_HOME%\bin\java"
echo Building the lesson 1 reference (a few seconds)... 1>&2
call "%HERE%..\mvnw.cmd" -q -B -f "%HERE%..\pom.xml" -pl solutions/lesson-01-console -am compile 1>&2 || exit /b 1
rem Everything after the role goes to the program.
shift
set "ARGS="
:collect
if "%~1"=="" goto run
set "ARGS=%ARGS% %1"
shift
goto collect
:run
"%JAVA_EXE%" -cp "%HERE%lesson-01-console\target\classes" %MAIN% %ARGS%
