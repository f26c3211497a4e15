@echo off
rem @kit:instructor-only
rem Renders lesson 3's reference chat window to PNG files (docs\pictures\lesson-03-*.png), like
rem solutions/pictures. Windows has a real display, so the windows show on screen while they are
rem drawn (solutions/pictures on Linux uses a virtual one).
rem   solutions\pictures.cmd [OUT_DIR]          (default: docs\pictures)
setlocal
set "HERE=%~dp0"
set "OUT=%~1"
if "%OUT%"=="" set "OUT=%HERE%..\docs\pictures"
set "JAVA_EXE=java"
if defined JAVA_HOME set "JAVA_EXE=%JAVA_HOME%\bin\java"
echo Building lessons 2 and 3's references (tests skipped)... 1>&2
call "%HERE%..\mvnw.cmd" -q -B -f "%HERE%..\pom.xml" -pl solutions/lesson-03-swing,solutions/lesson-02-threads -am -DskipTests test-compile 1>&2 <NUL || exit /b 1
set "CP=%HERE%lesson-03-swing\target\test-classes;%HERE%lesson-03-swing\target\classes;%HERE%lesson-02-threads\target\classes"
"%JAVA_EXE%" -Dswing.aatext=true -cp "%CP%" chatkit.lesson3.window.WindowPictures "%OUT%"
exit /b %ERRORLEVEL%
