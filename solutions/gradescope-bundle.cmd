@echo off
rem @kit:instructor-only
rem Builds a Gradescope autograder bundle. Usage: solutions\gradescope-bundle.cmd OUT.zip [--lesson N] [--seed S]
setlocal
set "JAVA_EXE=java"
if defined JAVA_HOME set "JAVA_EXE=%JAVA_HOME%\bin\java"
set "ROOT=%~dp0.."
echo Building the kit's tests and the grader (quick when nothing changed)... 1>&2
call "%ROOT%\mvnw.cmd" -q -B -f "%ROOT%\pom.xml" -DskipTests test-compile 1>&2 <NUL
if errorlevel 1 exit /b 1
"%JAVA_EXE%" -Dkit.root="%ROOT%" -cp "%~dp0grader\target\classes" chatkit.grader.GradescopeBundle %*
exit /b %ERRORLEVEL%
