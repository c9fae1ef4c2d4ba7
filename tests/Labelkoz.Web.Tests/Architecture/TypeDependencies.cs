using System.Reflection;
using System.Reflection.Emit;

namespace Labelkoz.Web.Tests.Architecture;

/// <summary>
/// The types a type uses: in its signatures (base type, interfaces, fields, properties, method
/// parameters and returns, attributes) and in its method bodies (every type, method or field token
/// the IL names). Nested types — the compiler's async state machines and lambda closures among
/// them — count for the type that holds them.
/// </summary>
internal static class TypeDependencies
{
    private const BindingFlags Everything = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    /// <summary>The outermost declaring type of a type (a compiler-generated class counts for its holder).</summary>
    public static Type Outermost(Type type)
    {
        while (type.DeclaringType is { } holder)
        {
            type = holder;
        }

        return type;
    }

    public static IEnumerable<Type> Of(Type type)
    {
        var found = new HashSet<Type>();
        void Add(Type? t)
        {
            if (t is null)
            {
                return;
            }

            if (t.HasElementType)
            {
                Add(t.GetElementType());
                return;
            }

            if (t.IsGenericType && !t.IsGenericTypeDefinition)
            {
                Add(t.GetGenericTypeDefinition());
                foreach (var argument in t.GetGenericArguments())
                {
                    Add(argument);
                }

                return;
            }

            if (!t.IsGenericParameter)
            {
                found.Add(t);
            }
        }

        Add(type.BaseType);
        foreach (var i in type.GetInterfaces())
        {
            Add(i);
        }

        foreach (var a in type.CustomAttributes)
        {
            Add(a.AttributeType);
        }

        foreach (var f in type.GetFields(Everything))
        {
            Add(f.FieldType);
        }

        foreach (var p in type.GetProperties(Everything))
        {
            Add(p.PropertyType);
        }

        foreach (var m in type.GetMethods(Everything).Cast<MethodBase>().Concat(type.GetConstructors(Everything)))
        {
            if (m is MethodInfo info)
            {
                Add(info.ReturnType);
            }

            foreach (var p in m.GetParameters())
            {
                Add(p.ParameterType);
            }

            foreach (var used in FromBody(m))
            {
                Add(used);
            }
        }

        foreach (var nested in type.GetNestedTypes(Everything))
        {
            foreach (var used in Of(nested))
            {
                Add(used);
            }
        }

        return found;
    }

    private static IEnumerable<Type> FromBody(MethodBase method)
    {
        byte[]? il;
        try
        {
            il = method.GetMethodBody()?.GetILAsByteArray();
        }
        catch (BadImageFormatException)
        {
            il = null;
        }

        if (il is null)
        {
            yield break;
        }

        var module = method.Module;
        Type[]? typeArguments = method.DeclaringType is { IsGenericType: true } d ? d.GetGenericArguments() : null;
        Type[]? methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
        var position = 0;
        while (position < il.Length)
        {
            short value = il[position++];
            if (value == 0xFE)
            {
                value = (short)(0xFE00 | il[position++]);
            }

            if (!OpCodesByValue.TryGetValue(value, out var code))
            {
                yield break;
            }

            switch (code.OperandType)
            {
                case OperandType.InlineType:
                case OperandType.InlineMethod:
                case OperandType.InlineField:
                case OperandType.InlineTok:
                    var token = BitConverter.ToInt32(il, position);
                    position += 4;
                    Type? used = null;
                    try
                    {
                        used = module.ResolveMember(token, typeArguments, methodArguments) switch
                        {
                            Type t => t,
                            MemberInfo member => member.DeclaringType,
                            _ => null,
                        };
                    }
                    catch (ArgumentException)
                    {
                    }

                    if (used is not null)
                    {
                        yield return used;
                    }

                    break;
                case OperandType.InlineNone:
                    break;
                case OperandType.ShortInlineBrTarget:
                case OperandType.ShortInlineI:
                case OperandType.ShortInlineVar:
                    position += 1;
                    break;
                case OperandType.InlineVar:
                    position += 2;
                    break;
                case OperandType.InlineI8:
                case OperandType.InlineR:
                    position += 8;
                    break;
                case OperandType.InlineSwitch:
                    var count = BitConverter.ToInt32(il, position);
                    position += 4 + (4 * count);
                    break;
                default:
                    position += 4;
                    break;
            }
        }
    }
}
