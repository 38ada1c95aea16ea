// SPDX-License-Identifier: MIT
namespace System.Runtime.CompilerServices;

/// <summary>
/// Records and <c>init</c> accessors need this marker type, which netstandard2.0 (the target every
/// compiler can load) does not ship.
/// </summary>
internal static class IsExternalInit
{
}
