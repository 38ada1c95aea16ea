// SPDX-License-Identifier: MIT
using System.Collections;
using System.Reflection;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using ZkOs.Generators.Model;

namespace ZkOs.Generators.Tests;

/// <summary>
/// Pipeline models must hold plain data only: a symbol, compilation, syntax node or location would keep
/// an old compilation alive and make every model unequal after any edit.
/// </summary>
public sealed class ModelPurityTests
{
    private static readonly Type[] _forbidden =
    [
        typeof(ISymbol),
        typeof(Compilation),
        typeof(SemanticModel),
        typeof(SyntaxNode),
        typeof(SyntaxTree),
        typeof(SyntaxToken),
        typeof(Location),
        typeof(AttributeData),
        typeof(AdditionalText),
        typeof(Diagnostic),
    ];

    public static TheoryData<string> ModelTypes()
    {
        var data = new TheoryData<string>();
        foreach (var type in ModelAssembly.GetTypes().Where(IsModel))
        {
            data.Add(type.FullName!);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ModelTypes))]
    public void ModelTypesAreSealedRecordsOfPlainData(string typeName)
    {
        var type = ModelAssembly.GetType(typeName, throwOnError: true)!;

        if (!type.IsEnum)
        {
            Assert.True(type.IsSealed, $"{type.Name} must be sealed");
            Assert.NotNull(type.GetMethod("<Clone>$"));
        }

        AssertPlainType(type, type.Name, []);
    }

    [Fact]
    public void TheGenerationStepOutputHoldsNoCompilerObjects()
    {
        var run = GeneratorHarness.RunSample();
        var outputs = _stepsUnderTest
            .SelectMany(step => run.Result.TrackedSteps[step])
            .SelectMany(step => step.Outputs)
            .Select(output => output.Value)
            .ToList();

        Assert.NotEmpty(outputs);
        foreach (var output in outputs)
        {
            AssertPlainInstance(output, output.GetType().Name, new HashSet<object>(ReferenceEqualityComparer.Instance));
        }
    }

    private static readonly string[] _stepsUnderTest =
    [
        TrackingNames.Interpreters,
        TrackingNames.HandlerClasses,
        TrackingNames.OpcodeTables,
        TrackingNames.ResourceTables,
        TrackingNames.Generation,
    ];

    private static Assembly ModelAssembly => typeof(StackInterpreterGenerator).Assembly;

    private static bool IsModel(Type type) =>
        (type.Namespace == typeof(InterpreterSpec).Namespace || type == typeof(Diagnostics.DiagnosticInfo))
        && !type.IsNested
        && type.GetCustomAttribute<CompilerGeneratedAttribute>() is null
        && (type.IsEnum || type.GetMethod("<Clone>$") is not null);

    private static void AssertPlainType(Type type, string path, HashSet<Type> visited)
    {
        Assert.False(_forbidden.Any(f => f.IsAssignableFrom(type)), $"{path} is a {type.Name}");
        if (type.IsPrimitive || type.IsEnum || type == typeof(string) || !visited.Add(type))
        {
            return;
        }

        if (type.IsArray)
        {
            AssertPlainType(type.GetElementType()!, path + "[]", visited);
            return;
        }

        foreach (var argument in type.IsGenericType ? type.GetGenericArguments() : [])
        {
            AssertPlainType(argument, $"{path}<{argument.Name}>", visited);
        }

        foreach (var field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            AssertPlainType(field.FieldType, path + "." + field.Name, visited);
        }
    }

    private static void AssertPlainInstance(object? value, string path, HashSet<object> visited)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum)
        {
            return;
        }

        Assert.False(_forbidden.Any(f => f.IsInstanceOfType(value)), $"{path} holds a {value.GetType().Name}");
        if (!value.GetType().IsValueType && !visited.Add(value))
        {
            return;
        }

        if (value is IEnumerable items)
        {
            var index = 0;
            foreach (var item in items)
            {
                AssertPlainInstance(item, $"{path}[{index++}]", visited);
            }
        }

        foreach (var field in value.GetType().GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            AssertPlainInstance(field.GetValue(value), path + "." + field.Name, visited);
        }
    }
}
