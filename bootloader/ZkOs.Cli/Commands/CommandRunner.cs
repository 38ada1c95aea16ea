// SPDX-License-Identifier: MIT
namespace ZkOs.Cli.Commands;

/// <summary>
/// Runs a command's body and turns expected failures (bad input, a bad configuration or plugin) into
/// one line on stderr and exit code 2; the host never shows a stack trace for a user's mistake.
/// </summary>
internal static class CommandRunner
{
    public static int Run(Func<int> body)
    {
        try
        {
            return body();
        }
        catch (Exception e) when (IsUserError(e))
        {
            Console.Error.WriteLine($"zkos: {e.Message}");
            return 2;
        }
    }

    private static bool IsUserError(Exception e) =>
        e is CliInputException || ConfiguredEnvironments.IsConfigurationError(e);
}
