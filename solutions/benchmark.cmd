@echo off
rem @kit:instructor-only
rem Benchmarks lesson 2's reference server on loopback, like solutions/benchmark (see docs\performance.md):
rem   solutions\benchmark.cmd                            N = 10, 100, 1000 clients, the reference server
rem   solutions\benchmark.cmd --server plain             the same on a plain server as tutorials write it
rem   solutions\benchmark.cmd --clients 10,100 --messages 300 --burst 200
setlocal
set "HERE=%~dp0"
set "JAVA_EXE=java"
if defined JAVA_HOME set "JAVA_EXE=%JAVA_HOME%\bin\java"
echo Building the benchmark and the lesson 2 reference (tests skipped)... 1>&2
call "%HERE%..\mvnw.cmd" -q -B -f "%HERE%..\pom.xml" -pl solutions/bench -am -DskipTests compile 1>&2 <NUL || exit /b 1
"%JAVA_EXE%" -Xss512k -cp "%HERE%bench\target\classes;%HERE%lesson-02-threads\target\classes" chatkit.bench.FanOutBenchmark %*
exit /b %ERRORLEVEL%
