@echo off
rem Runs Followthrough with the Java runtime in JAVA_HOME, or else the one on the PATH.
rem Options for the Java runtime itself (memory, for instance) go in FOLLOWTHROUGH_OPTS.
setlocal
set "FOLLOWTHROUGH_HOME=%~dp0.."
if defined JAVA_HOME (
  set "JAVA_EXE=%JAVA_HOME%\bin\java.exe"
) else (
  set "JAVA_EXE=java.exe"
)
"%JAVA_EXE%" -version >nul 2>&1
if not errorlevel 1 goto run
rem Told outside any block: a JAVA_HOME such as C:\Program Files (x86)\... holds a parenthesis, which would end one.
if not defined JAVA_HOME goto nojava
echo followthrough: JAVA_HOME is set to "%JAVA_HOME%", which holds no Java runtime (no bin\java.exe there): set it to a Java 17 or later, or unset it to use the java on the PATH 1>&2
exit /b 2
:nojava
echo followthrough: no Java runtime found: install Java 17 or later, or set JAVA_HOME to one 1>&2
exit /b 2
:run
rem The quick compiler alone, the serial collector and a heap kept close to what is live suit a short run (see followthrough, the shell launcher).
"%JAVA_EXE%" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30 -XX:MetaspaceSize=64m %FOLLOWTHROUGH_OPTS% -jar "%FOLLOWTHROUGH_HOME%\lib\followthrough.jar" %*
exit /b %ERRORLEVEL%
