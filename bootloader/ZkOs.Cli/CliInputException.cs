// SPDX-License-Identifier: MIT
namespace ZkOs.Cli;

/// <summary>Bad input on the command line: reported as one line on stderr with exit code 2, never a stack trace.</summary>
internal sealed class CliInputException(string message) : Exception(message);
