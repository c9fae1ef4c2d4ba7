using System.Reflection;
using Labelkoz.Domain.Common;
using Labelkoz.Web.Infrastructure.Localization;

namespace Labelkoz.Web.Tests.Architecture;

/// <summary>
/// A refusal the web layer throws is a rule of a catalogue (the domain's, or the web's own such as
/// <c>FundingPageRefusals</c>): it carries a code and a field, so a page can put it next to its
/// input, and TranslationTests sees its sentence. A bare sentence would do neither.
/// </summary>
public sealed class WebRefusalTests
{
    [Fact]
    public void TheWeb_ThrowsOnlyRulesOfACatalogue()
    {
        var callers = new List<string>();
        var scanned = 0;
        foreach (var type in typeof(SharedResource).Assembly.GetTypes())
        {
            const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
            foreach (var method in type.GetMethods(all).Cast<MethodBase>().Concat(type.GetConstructors(all)))
            {
                if (method.GetMethodBody()?.GetILAsByteArray() is not { } il)
                {
                    continue;
                }

                scanned++;
                if (ConstructedExceptions(method.Module, il).Any(c => c.GetParameters() is not [{ ParameterType: var only }] || only != typeof(DomainRefusal)))
                {
                    callers.Add($"{type.FullName}.{method.Name}");
                }
            }
        }

        Assert.True(scanned > 1000, $"Only {scanned} method bodies read.");
        Assert.True(callers.Count == 0, "Refusals without a code, built in:\n" + string.Join('\n', callers.Distinct()));
    }

    /// <summary>The <see cref="DomainException"/> constructors a method body calls (<c>newobj</c>, opcode 0x73, then a method token).</summary>
    private static IEnumerable<ConstructorInfo> ConstructedExceptions(Module module, byte[] il)
    {
        for (var i = 0; i + 4 < il.Length; i++)
        {
            if (il[i] != 0x73 || il[i + 4] is not (0x06 or 0x0A))
            {
                continue;
            }

            MethodBase? target;
            try
            {
                target = module.ResolveMethod(BitConverter.ToInt32(il, i + 1));
            }
            catch (Exception e) when (e is ArgumentException or TypeLoadException or FileNotFoundException or FileLoadException or BadImageFormatException)
            {
                // Bytes that only looked like a call, or a token of a library the tests never load.
                continue;
            }

            if (target is ConstructorInfo constructor && constructor.DeclaringType == typeof(DomainException))
            {
                yield return constructor;
            }
        }
    }
}
