// SPDX-License-Identifier: MIT
using ZkOs.Framework.Primitives;

namespace ZkOs.System.Io;

/// <summary>
/// Where one event's parts sit in the IO subsystem's log arena: the topics in the topic buffer, the data
/// in the byte buffer. Kept as offsets so an event costs no allocation once the buffers have grown.
/// </summary>
internal readonly record struct LogRecord(Address Address, int TopicStart, int TopicCount, int DataStart, int DataLength);
