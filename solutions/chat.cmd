@echo off
rem @kit:instructor-only
rem Runs the reference chat live, for class:  solutions\chat.cmd server   then   solutions\chat.cmd client
rem Lesson 2 (many clients at once):          solutions\chat.cmd 2 server   then   solutions\chat.cmd 2 client
setlocal
set "HERE=%~dp0"
set "LESSON=1"
set "ROLE=%~1"
if "%~1"=="1" (
  set "ROLE=%~2"
  shift
)
if "%~1"=="2" (
  set "LESSON=2"
  set "ROLE=%~2"
  shift
)
set "MODULE=lesson-01-console"
if "%LESSON%"=="2" set "MODULE=lesson-02-threads"
if "%LESSON%"=="1" if /I "%ROLE%"=="server" set "MAIN=chatkit.lesson1.ConsoleChatServer"
if "%LESSON%"=="1" if /I "%ROLE%"=="client" set "MAIN=chatkit.lesson1.ConsoleChatClient"
if "%LESSON%"=="2" if /I "%ROLE%"=="server" set "MAIN=chatkit.lesson2.ChatServer"
if "%LESSON%"=="2" if /I "%ROLE%"=="client" set "MAIN=chatkit.lesson2.ChatClient"
if not defined MAIN (
  echo Usage: solutions\chat.cmd [1^|2] server^|client [options]
  exit /b 2
)
set "JAVA_EXE=java"
if defined JAVA_HOME set "JAVA_EXE=%JAVA_HOME%\bin\java"
echo Building the lesson %LESSON% reference (a few seconds)... 1>&2
call "%HERE%..\mvnw.cmd" -q -B -f "%HERE%..\pom.xml" -pl solutions/%MODULE% -am compile 1>&2 || exit /b 1
rem Everything after the role goes to the program.
shift
set "ARGS="
:collect
if "%~1"=="" goto run
set "ARGS=%ARGS% %1"
shift
goto collect
:run
"%JAVA_EXE%" -cp "%HERE%%MODULE%\target\classes" %MAIN% %ARGS%
