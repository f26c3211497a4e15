@echo off
rem @kit:instructor-only
rem Runs the reference chat live, for class (the same as solutions/chat):
rem   solutions\chat.cmd server [--port N] [--lan]      then, in a second window:  solutions\chat.cmd client
rem   solutions\chat.cmd 2 server ...                   lesson 2: the threaded server, many clients at once
rem   solutions\chat.cmd 2 client ...                   (the lesson number is optional; 1 when left out)
rem   solutions\chat.cmd 3 client [HOST [PORT]]          lesson 3: the Swing window, on a lesson 2 server
rem   solutions\chat.cmd 3 server ...                   (the same as: solutions\chat.cmd 2 server ...)
setlocal
set "HERE=%~dp0"
set "LESSON=1"
set "FIRST=%~1"
if "%FIRST%"=="1" (
  set "LESSON=1"
  shift
)
if "%FIRST%"=="2" (
  set "LESSON=2"
  shift
)
if "%FIRST%"=="3" (
  set "LESSON=3"
  shift
)
set "ROLE=%~1"
set "MAIN="
if "%LESSON%"=="1" set "MODULE=lesson-01-console"
if "%LESSON%"=="1" if /I "%ROLE%"=="server" set "MAIN=chatkit.lesson1.ConsoleChatServer"
if "%LESSON%"=="1" if /I "%ROLE%"=="client" set "MAIN=chatkit.lesson1.ConsoleChatClient"
if "%LESSON%"=="2" set "MODULE=lesson-02-threads"
if "%LESSON%"=="2" if /I "%ROLE%"=="server" set "MAIN=chatkit.lesson2.ChatServer"
if "%LESSON%"=="2" if /I "%ROLE%"=="client" set "MAIN=chatkit.lesson2.ChatClient"
rem Lesson 3's window talks to lesson 2's server.
if "%LESSON%"=="3" if /I "%ROLE%"=="server" (
  set "MODULE=lesson-02-threads"
  set "MAIN=chatkit.lesson2.ChatServer"
)
if "%LESSON%"=="3" if /I "%ROLE%"=="client" (
  set "MODULE=lesson-03-swing"
  set "MAIN=chatkit.lesson3.ChatWindow"
)
if not defined MAIN (
  echo Usage: solutions\chat.cmd [1^|2^|3] server^|client [options]   ^(try: solutions\chat.cmd server --help^) 1>&2
  exit /b 2
)
set "JAVA_EXE=java"
if defined JAVA_HOME set "JAVA_EXE=%JAVA_HOME%\bin\java"
echo Building the lesson %LESSON% reference (a few seconds; the very first time, Maven downloads itself)... 1>&2
call "%HERE%..\mvnw.cmd" -q -B -f "%HERE%..\pom.xml" -pl solutions/%MODULE% -am compile 1>&2 <NUL || exit /b 1
if /I "%ROLE%"=="server" (
  if "%LESSON%"=="1" (
    echo ^(Then, in a second window: solutions\chat.cmd client, with the same --port if you gave one.^) 1>&2
  ) else (
    echo ^(Then, in other windows: solutions\chat.cmd %LESSON% client, as many as you like.^) 1>&2
  )
)
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
exit /b %ERRORLEVEL%
