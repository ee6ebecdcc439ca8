using Assessment.Cli;

return StandardStreams.Run(args);
